# twinbot in American English: only the words spelt otherwise than in British English; every
# other message is taken from locales/en-GB/twinbot.ftl. Dates follow CLDR's en-US forms.

field-formalised = Formalized
about-intro = twinbot answers questions about { POSSESSIVE($homes) } partner cities: { $count } partnerships in all. Type names any way you like: misspelled, in another language or script.
