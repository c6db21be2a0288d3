"""Everyday English words: written in capitals they are shouting, not an acronym."""

_WORDS = """
    a about after again against all almost also always am an and any anyone are as ask at away
    back bad be because been before being best better big both but by call came can cannot care
    careful change check come could danger day did do does doing done dont don't down each
    easy end enough even ever every everyone first for free from get give go going good got great
    had has have he help her here him his how however if important in into is it its just keep
    know last late least left less let like little long look lot made make many may me more most
    much must my need needs never new next no none nor not note now of off often old on once only
    open or other our out over own people please read ready really remember right safe said same
    say see she should so some soon still stop sure take tell than thank thanks that the their them
    then there these they thing things think this those time to today too try under until up urgent
    us use very want warning was way we well were what when where which while who why will with
    without won't would yes yet you your free final only new now all never very really stop wait
    always listen look learn must read write
"""
COMMON_WORDS = frozenset(_WORDS.split())
