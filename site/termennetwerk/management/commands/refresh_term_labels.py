from django.core.management.base import BaseCommand, CommandError

from museum_site.termennetwerk import services


class Command(BaseCommand):
    help = (
        "Bring the preferred labels of terms with an authority URI in step with the "
        "authority, through the Termennetwerk. Safe to run at any moment and again."
    )

    def handle(self, *args, **options) -> None:
        try:
            report = services.refresh_term_labels()
        except services.TermennetwerkUnavailable as error:
            # Failing makes the scheduler log it and try again at the next turn.
            raise CommandError(f"The Termennetwerk could not be reached: {error}") from error
        if report.updated or report.not_found or report.unanswered:
            self.stdout.write(
                f"{report.updated} updated, {report.unchanged} unchanged, "
                f"{report.not_found} unknown to their authority, "
                f"{report.unanswered} not answered"
            )
