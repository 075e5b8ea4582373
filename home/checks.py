"""System checks: settings from the environment that could not be used (home/environment.py).

Settings never raise for a bad variable; they record it in YOULIN_ENVIRONMENT_PROBLEMS and
these checks report it, so `manage.py check` (and every command that runs the checks:
migrate, runserver) names the variable and the fix.
"""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility, deploy=False)
def environment_problems(app_configs=None, **kwargs):
    messages = []
    for problem in dict.fromkeys(getattr(settings, "YOULIN_ENVIRONMENT_PROBLEMS", ())):
        level = checks.Warning if problem.id.startswith("youlin.W") else checks.Error
        messages.append(level(problem.message, hint=problem.hint or None, id=problem.id))
    return messages
