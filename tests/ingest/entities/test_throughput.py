from articles.ingest.entities.throughput import measure


def test_throughput_measure_returns_words_and_rates(catalog):
    result = measure(["Vladimir Putin spoke in Moscow.", "Gaza is under siege."], catalog, repeat=1)
    assert result.words == 9
    assert result.model_words_per_second > 0 and result.extractor_words_per_second > 0
    assert result.rules_seconds > 0
    assert result.rules_share == result.rules_seconds / result.model_seconds
