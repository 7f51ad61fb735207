from django.apps import AppConfig


class AuditsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audits"
    verbose_name = "Audits"

    def ready(self):
        # The registry offers extension points and never imports audits: audits plugs in here.
        from audits.admin import audit_selected_articles
        from audits.sections import article_audit_section, author_audit_section, confirmed_findings_filter
        from registry.admin.articles import register_article_list_action
        from registry.reader.sections import article_list_filters, article_sections, author_sections

        article_sections.register(article_audit_section)
        author_sections.register(author_audit_section)
        article_list_filters.register(confirmed_findings_filter)
        register_article_list_action(audit_selected_articles, permission="audits.run_audit")
