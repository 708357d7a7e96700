# twinbot auf Deutsch. Befehle: Namen (klein geschrieben, höchstens 32 Zeichen, ohne Leerzeichen)
# und Beschreibungen (höchstens 100 Zeichen), in den Worten des deutschen Discord-Clients.

partner = partnerstadt
partner-description = Alles über eine Partnerstadt
partner-city = stadt
partner-city-description = Die Partnerstadt, in jeder Schreibweise und Sprache

since = seit
since-description = Partnerschaften, die in einem Jahr oder später besiegelt wurden
since-year = jahr
since-year-description = Das erste Jahr, das dazugehört
since-until = bis
since-until-description = Das letzte Jahr, das dazugehört (Standard: ohne Grenze)

partners = partnerstädte
partners-description = Alle Partnerstädte, die älteste Partnerschaft zuerst

anniversaries = jahrestage
anniversaries-description = Jahrestage der Partnerschaften in einem Jahr, runde Jubiläen markiert
anniversaries-year = jahr
anniversaries-year-description = Das Jahr (Standard: dieses Jahr)
anniversaries-upcoming = demnächst
anniversaries-upcoming-description = Stattdessen so viele der nächsten Jahrestage mit Datum zeigen

announce = ankündigen
announce-description = Die Ankündigung zum Jahrestag einer Partnerschaft posten (Moderatoren)
announce-city = stadt
announce-city-description = Die Partnerstadt
announce-channel = kanal
announce-channel-description = Wo sie gepostet wird (Standard: dieser Kanal)
announce-preview = vorschau
announce-preview-description = Nur dir zeigen, ohne sie zu posten

anniversary-settings = jahrestag-einstellungen
anniversary-settings-description = Die automatischen Jahrestags-Posts dieses Servers zeigen oder ändern (Moderatoren)
anniversary-settings-channel = kanal
anniversary-settings-channel-description = Jahrestage in diesem Kanal posten (schaltet die Posts ein)
anniversary-settings-time = uhrzeit
anniversary-settings-time-description = Ortszeit für die Posts, HH:MM (Standard 09:00)
anniversary-settings-timezone = zeitzone
anniversary-settings-timezone-description = IANA-Zeitzone, etwa Europe/Berlin (Standard: Europe/London)
anniversary-settings-template = vorlage
anniversary-settings-template-description = Text der Ankündigung mit {"{"}partner{"}"}, {"{"}ordinal{"}"} …; „default“ stellt den Standard wieder her
anniversary-settings-role = rolle
anniversary-settings-role-description = Die eine Rolle, die in automatischen Posts erwähnt wird (nie @everyone)
anniversary-settings-no-role = keine-rolle
anniversary-settings-no-role-description = Keine Rolle mehr erwähnen
anniversary-settings-digest = sammelpost
anniversary-settings-digest-description = Tag des Sammelposts für Partnerschaften, die nur mit Jahr bekannt sind, MM-TT (Standard 01-01)
anniversary-settings-enabled = aktiv
anniversary-settings-enabled-description = Automatische Posts ein- oder ausschalten

home = heimatstadt
home-description = Zeigen oder wählen, für welche Heimatstadt die Befehle dieses Servers antworten (Moderatoren)
home-city = stadt
home-city-description = Nur für diese Heimatstadt antworten
home-add = hinzufügen
home-add-description = Auch für diese Heimatstadt antworten
home-all = alle
home-all-description = Für jede Heimatstadt antworten, die twinbot kennt

about = info
about-description = Was twinbot ist, woher seine Daten stammen, und seine Befehle
