// Reload the changelist when an autocomplete filter changes (see articles/admin/filters.py).
"use strict";
{
    const $ = django.jQuery;
    $(function () {
        $("select[data-filter-param]").on("change", function () {
            const url = new URL(this.dataset.filterUrl, window.location.href);
            if (this.value) {
                url.searchParams.set(this.dataset.filterParam, this.value);
            }
            window.location.assign(url.toString());
        });
    });
}
