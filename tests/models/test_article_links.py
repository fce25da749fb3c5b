from articles.models import ArticlePerson, ArticleTopic, LinkRejection, Origin


def test_article_add_link_is_an_editor_link_and_lifts_rejection(make_article, make_topic):
    article, topic = make_article(), make_topic("Diplomacy")
    LinkRejection.objects.create(article=article, kind="topic", target_id=topic.pk)
    article.add_link("topic", topic.pk, score=0.5)
    link = ArticleTopic.objects.get(article=article, topic=topic)
    assert (link.origin, link.score) == (Origin.EDITOR, 0.5)
    assert not LinkRejection.objects.filter(article=article).exists()


def test_article_add_link_updates_the_person_link_of_that_role(make_article, make_person):
    article, person = make_article(), make_person()
    ArticlePerson.objects.create(article=article, person=person, role="mentioned", count=1)
    article.add_link("person", person.pk, role="mentioned", count=4)
    article.add_link("person", person.pk, role="author", count=1)
    links = ArticlePerson.objects.filter(article=article).order_by("role")
    assert [(ln.role, ln.count, ln.origin) for ln in links] == [
        ("author", 1, "editor"),
        ("mentioned", 4, "editor"),
    ]


def test_article_reject_link_removes_every_role_and_records_it(make_article, make_person):
    article, person = make_article(), make_person()
    for role in ("mentioned", "author"):
        ArticlePerson.objects.create(article=article, person=person, role=role)
    assert article.reject_link("person", person.pk) == 2
    assert not ArticlePerson.objects.filter(article=article).exists()
    rejection = LinkRejection.objects.get(article=article)
    assert (rejection.kind, rejection.target_id) == ("person", person.pk)
    assert article.reject_link("person", person.pk) == 0  # idempotent
    assert LinkRejection.objects.count() == 1
