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
anniversaries-description = Jahrestage der Partnerschaften in einem Jahr, Jubiläen markiert
anniversaries-year = jahr
anniversaries-year-description = Das Jahr (Standard: dieses Jahr)
anniversaries-upcoming = nächste
anniversaries-upcoming-description = Stattdessen so viele der nächsten Jahrestage mit Datum zeigen
anniversaries-calendar = kalender
anniversaries-calendar-description = Dazu als Kalenderdatei (.ics) für Kalender-Apps anhängen

timeline = zeitleiste
timeline-description = Ein Bild der Partnerschaften im Lauf der Jahre, mit den nächsten Jubiläen
map = karte
map-description = Eine Karte der Partnerstädte, jede auf dem kürzesten Weg mit ihrer Stadt verbunden

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
anniversary-settings-role-description = Die Rolle, die automatische Posts erwähnen (nur eine, nie @everyone)
anniversary-settings-no-role = keine-rolle
anniversary-settings-no-role-description = Keine Rolle mehr erwähnen
anniversary-settings-digest = sammelpost
anniversary-settings-digest-description = Tag des Sammelposts für Partnerschaften, die nur mit Jahr bekannt sind, MM-TT (Standard 01-01)
anniversary-settings-enabled = aktiv
anniversary-settings-enabled-description = Automatische Posts ein- oder ausschalten
anniversary-settings-language = sprache
anniversary-settings-language-description = Sprache der Posts (Standard: die Sprache des Servers)
anniversary-settings-remind-days = tage-vorher
anniversary-settings-remind-days-description = Moderatoren so viele Tage vor jedem Jahrestag erinnern (1–90)
anniversary-settings-remind-channel = erinnerungskanal
anniversary-settings-remind-channel-description = Wohin die Erinnerungen gehen, etwa der Moderatorenkanal (sie erwähnen niemanden)
anniversary-settings-no-reminders = keine-erinnerungen
anniversary-settings-no-reminders-description = Keine Erinnerungen mehr vorab schicken
anniversary-settings-events = events
anniversary-settings-events-description = Für jeden kommenden Jahrestag ein Server-Event anlegen, bei dem Mitglieder mitmachen können
anniversary-settings-events-ahead = events-tage-vorher
anniversary-settings-events-ahead-description = Jedes Event so viele Tage vor dem Jahrestag anlegen (1–90, Standard 30)
anniversary-settings-events-milestones-only = events-nur-jubiläen
anniversary-settings-events-milestones-only-description = Events nur für Jubiläen (60., 75. …)

home = heimatstadt
home-description = Zeigen oder wählen, für welche Heimatstadt die Befehle dieses Servers antworten (Moderatoren)
home-city = stadt
home-city-description = Nur für diese Heimatstadt antworten
home-add = hinzufügen
home-add-description = Auch für diese Heimatstadt antworten
home-all = alle
home-all-description = Für jede Heimatstadt antworten, die twinbot kennt

town = stadt
town-description = Die eigene Stadt dieses Servers und ihre Partnerstädte anlegen und pflegen (Server verwalten)
town-create = erstellen
town-create-description = Die eigene Stadt dieses Servers aus dem weltweiten Städteverzeichnis erstellen
town-create-city = stadt
town-create-city-description = Deine Stadt, so wie man sie schreibt
town-create-country = land
town-create-country-description = Der zweistellige Ländercode (DE, AT …), falls mehrere Städte so heißen
town-add = hinzufügen
town-add-description = Der Stadt dieses Servers eine Partnerstadt hinzufügen
town-add-city = stadt
town-add-city-description = Die Partnerstadt
town-add-year = jahr
town-add-year-description = Das Jahr, in dem die Verbindung besiegelt wurde
town-add-date = datum
town-add-date-description = Das genaue Datum, JJJJ-MM-TT, falls deine Quellen es nennen
town-add-month = monat
town-add-month-description = Der Monat (1 bis 12), falls nur der Monat bekannt ist
town-add-kind = art
town-add-kind-description = Städtepartnerschaft, Partnerschaft oder Städtefreundschaft (Standard: Städtepartnerschaft)
town-add-source = quelle
town-add-source-description = Die Adresse einer Webseite, die das belegt
town-add-country = land
town-add-country-description = Der zweistellige Ländercode (DE, AT …), falls mehrere Städte so heißen
town-edit = bearbeiten
town-edit-description = Die Texte einer Partnerstadt bearbeiten, danach ihr Datum und ihre Quellen
town-edit-city = stadt
town-edit-city-description = Die Partnerstadt, die bearbeitet werden soll
town-language = sprache
town-language-description = Die Texte einer Partnerstadt in einer anderen Sprache schreiben
town-language-city = stadt
town-language-city-description = Die Partnerstadt
town-language-lang = sprache
town-language-lang-description = Die Sprache, in der du ihre Texte schreibst
town-remove = entfernen
town-remove-description = Eine Partnerstadt der Stadt dieses Servers entfernen
town-remove-city = stadt
town-remove-city-description = Die Partnerstadt, die entfernt werden soll
town-history = verlauf
town-history-description = Die letzten Änderungen an der Stadt dieses Servers und wer sie vorgenommen hat
town-undo = rückgängig
town-undo-description = Die letzte Änderung an der Stadt dieses Servers rückgängig machen
town-export = exportieren
town-export-description = Die Stadt dieses Servers als Dateien: Daten (TOML), Partnerstädte für Tabellenkalkulationen (CSV)
town-import = importieren
town-import-description = Die Stadt dieses Servers durch eine Datei ersetzen: alle Daten (TOML) oder die Partnerstädte (CSV)
town-import-file = datei
town-import-file-description = Eine geänderte Datei aus „/stadt exportieren“: die TOML (alles) oder die CSV (die Partnerstädte)
town-calendar = kalender
town-calendar-description = Die Adresse, unter der Kalender-Apps den Kalender dieser Stadt abonnieren können
town-calendar-renew = erneuern
town-calendar-renew-description = Eine neue Adresse erstellen; die alte funktioniert dann nicht mehr
town-delete = löschen
town-delete-description = Die Stadt dieses Servers löschen (ihr Verlauf bleibt 30 Tage erhalten)

about = info
about-description = Was twinbot ist, woher seine Daten stammen und welche Befehle es hat

# Die Antworten des Bots, Nachricht für Nachricht wie in locales/en-GB/twinbot.ftl, mit denselben
# Variablen. Städtenamen kommen im Nominativ und werden nicht dekliniert.

## Zahlen und Daten

# Eine Ordnungszahl vor „Jahrestag“: 1., 2., 60.
ordinal = { $n }.

## Satzzeichen, mit denen der Code Wörter verbindet (er schreibt nie selbst " (" oder ", ")

# Eine Bemerkung in Klammern nach einem Text: „1960 (mit Dortmund)“.
punctuation-aside = { $text } ({ $aside })
# Ein Text, ein Komma und was folgt: „@Anna, 6. Dezember 2026“.
punctuation-comma = { $text }, { $more }
# Zwei Sätze nacheinander.
punctuation-sentences = { $first } { $second }
punctuation-semicolon = { $first }; { $second }

## Das Datenmodell

# Daten ($since, $date) kommen so genau, wie die Daten sie kennen: „2. Juni 1969“, „Juni 2014“
# oder „1960“. PRECISION($since) ist day, month oder year (Tag, Monat, Jahr): „seit dem 2. Juni
# 1969“, aber „seit Juni 2014“ und „seit 1960“. GENITIVE($since) ist das Datum nach einer
# Präposition (im Deutschen dasselbe wie { $since }).

kind-twinning = Städtepartnerschaft
kind-partnership = Partnerschaft
kind-friendship = Städtefreundschaft
suspended-since = seit dem { $date } ausgesetzt
formalised-when = { $date } ({ $ago })
year-relative = { $diff ->
   *[other] { $cldr }
}
partner-line = { $flag } { $country } — { $kind }, { $since }
# In Klammern nach der Zeile eines Partners, wenn die Liste mehrere Heimatstädte hat.
partner-line-with = mit { $home }
did-you-mean = Meintest du { $names }?
data-footer = twinbot · Daten: { $files } · Stand: { $updated }
data-footer-undated = twinbot · Daten: { $files }
# Woher die Daten einer in Discord erstellten Stadt stammen, anstelle eines Dateinamens.
data-own-town = eigene Stadt dieses Servers
untranslated = Einige Texte sind noch nicht übersetzt und erscheinen im Original.

## Fehler, die jeder Befehl melden kann

error-title = Das hat nicht geklappt
error-unknown-command = Ich kenne den Befehl /{ $command } nicht.
error-removed = Vielleicht wurde er entfernt: { $about } zeigt dir meine Befehle.
error-internal = Beim Antworten ist etwas schiefgegangen. Bitte versuch es gleich noch einmal.
error-unreadable = twinbot konnte das nicht lesen, so wie Discord es geschickt hat. Versuch es gleich noch einmal; wenn es wieder passiert, sag bitte der Person Bescheid, die den Bot betreibt.
error-no-option = { $command } hat keine Option { $option }.
error-option-needed = { $command } braucht { $option }: { $what }.
error-out-of-range = { $option } muss zwischen { $min } und { $max } liegen; { $value } liegt nicht dazwischen.
error-not-text = { $option } muss Text sein.
error-not-number = { $option } muss eine ganze Zahl sein.
error-not-boolean = { $option } muss true oder false sein.
error-not-channel = { $option } muss ein Kanal sein.
error-not-role = { $option } muss eine Rolle sein.
error-not-file = { $option } muss eine Datei sein.
moderators-only-title = Nur für Moderatoren
moderators-only = { $command } ist für Moderatoren: Du brauchst dafür die Berechtigung { $permission } in diesem Kanal. Frag einen Moderator dieses Servers.
server-only-title = Nur auf einem Server
server-only = { $command } funktioniert in den Kanälen eines Servers, nicht in Direktnachrichten.
# Der Name der Berechtigung, wie ihn Discords eigene Einstellungen zeigen.
permission-manage-messages = Nachrichten verwalten
# Wie Discords Servereinstellungen sie nennen.
permission-manage-server = Server verwalten
needs-permission-to-post = Du brauchst die Berechtigung { $permission } in { $channel }, um dort eine Ankündigung zu posten.
needs-permission-to-schedule = Du brauchst die Berechtigung { $permission } in { $channel }, damit dort Jahrestage gepostet werden.
cannot-post = twinbot kann hier nicht posten: Dafür braucht es das Token des Bots, und diese Installation hat keins. Bitte die Person, die twinbot betreibt, es einzurichten.
files-need-token = Die Datei kann von hier nicht gesendet werden: Dafür braucht es das Token des Bots, und diese Installation hat keins. Bitte die Person, die twinbot betreibt, es einzurichten.

## /partnerstadt

field-country = Land
field-link = Verbindung
field-formalised = Besiegelt
field-status = Status
field-roots = Ursprünge
field-areas = Bereiche der Zusammenarbeit
field-timeline = Chronik
field-groups = Vereine und Gruppen
field-aliases = Auch bekannt als
field-notes = Anmerkungen
field-sources = Quellen
partner-status = { $suspended }: siehe Anmerkungen.
partner-also-home = { $partner } ist hier zugleich eine Heimatstadt: { $command } listet auch ihre Partnerstädte auf, darunter { $home }.
partner-empty = Gib den Namen einer Partnerstadt ein, etwa { $example }.
partner-another-name = „{ $query }“ ist ein anderer Name für { $partner }.
partner-showing = Ergebnis für „{ $query }“: { $partner }.
partner-country-title = { $country }: Partnerstädte von { $home }
partner-country-hint = Nutze { $command } mit einem dieser Namen für die ganze Geschichte.
partner-home-title = { $home } ist die Heimatstadt
partner-is-home = { $home } ist hier die Heimatstadt: twinbot erzählt dir von ihren Partnerstädten.
partner-part-of-home = { $place } gehört zu { $home } und ist damit selbst keine Partnerstadt.
partner-own-links = { $count ->
    [one] { $place } hat eine eigene Partnerstadt: { $links }. Mehr dazu mit { $command }.
   *[other] { $place } hat eigene Partnerstädte: { $links }. Mehr dazu mit { $command }.
}
partner-own-link = { $name } ({ $kind } seit { PRECISION($since) ->
        [day] dem { $since }
       *[other] { $since }
    })
partner-try-one-of = Versuch es mit einem dieser Namen: { $names }.
partner-none-title = Keine Partnerstadt gefunden
partner-none = Keine Partnerstadt von { $home } passt zu „{ $query }“.
partner-try-field = Versuch es mit einer Partnerstadt von { $home }
partner-choice = { $name } ({ $country })
partner-choice-with = { $name } ({ $country }) – mit { $home }

## /seit

since-needs-year = { $command } braucht ein Jahr.
since-swapped = { $until } ({ $to }) liegt vor { $year } ({ $from }): Vertausch die beiden, um { $to }–{ $from } aufzulisten.
since-title-in = Partnerstädte von { $home } aus dem Jahr { $from }
since-title-range = Partnerstädte von { $home } aus den Jahren { $from } bis { $to }
since-title-since = Partnerstädte von { $home } seit { $from }
since-none-in = Im Jahr { $from } wurde keine Partnerschaft besiegelt.
since-none-range = Von { $from } bis { $to } wurde keine Partnerschaft besiegelt.
since-none-since = Seit { $from } wurde keine Partnerschaft besiegelt.
since-newest = Die jüngste ist { $name } ({ $kind }, { $since }).
since-count = { $count ->
    [one] { $count } Partnerschaft.
   *[other] { $count } Partnerschaften.
}

## /partnerstädte

partners-title = Partnerstädte von { $home } ({ $count })
partners-hint = Mit { $command } und einem Namen erfährst du die ganze Geschichte.

## /jahrestage und die Zeilen zu Jahrestagen

anniversaries-calendar-note = 📅 Die Kalenderdatei ist angehängt: Importiere sie in deine Kalender-App; ein späterer Import aktualisiert die Termine, statt sie zu verdoppeln.
anniversaries-calendar-file = Kalenderdatei der Jahrestage von { $home }
# Nach Name und Flagge der Partnerstadt: „60. Jahrestag“.
anniversary-number = { $ordinal } Jahrestag
anniversary-milestone = ★ Jubiläum
# Nach der Überschrift: „2. Juni 2029 (Städtepartnerschaft seit dem 2. Juni 1969)“, „(… seit Juni
# 2014)“, „(… seit 1960)“.
anniversary-when = { $date } ({ $kind } seit { PRECISION($since) ->
        [day] dem { $since }
       *[other] { $since }
    })
anniversaries-upcoming-title = Kommende Jahrestage von { $home }
anniversaries-upcoming-none = Bei keiner Partnerschaft ist ein Monat oder Tag bekannt, ab dem gezählt werden kann.
anniversaries-next-title = { $count ->
    [one] Nächster Jahrestag von { $home }
   *[other] Die nächsten { $count } Jahrestage von { $home }
}
anniversaries-year-title = Jahrestage von { $home } im Jahr { $year }
anniversaries-year-none = Im Jahr { $year } bestand noch keine Partnerschaft seit einem Jahr oder länger.
anniversaries-milestones = { $count ->
    [0] Keine Jubiläen im Jahr { $year }.
    [one] { $count } Jubiläum im Jahr { $year }.
   *[other] { $count } Jubiläen im Jahr { $year }.
}

## /ankündigen

announce-no-match = Keine Partnerstadt passt zu „{ $query }“.
announce-which-title = Welche Partnerstadt?
announce-which = Gib genau eine Partnerstadt an: { $names }.
announce-suspended = Die { $kind } mit { $partner } ist { $suspended }; ihre Jahrestage werden nicht angekündigt. Warum, steht in den Anmerkungen unter { $command }.
announce-too-early = Die { $kind } mit { $partner } besteht seit { PRECISION($since) ->
        [day] dem { $since }
       *[other] { $since }
    }; ihr erster Jahrestag ist erst { $year }.
announce-title = { $partner }: { $ordinal } Jahrestag
announce-preview-title = Vorschau · { $title }
announce-terminal-footer = Nur eine Vorschau: Nutze { $command } auf einem Discord-Server, um sie zu posten.
announce-would-post-in = Würde gepostet in
announce-preview-footer = Nur eine Vorschau: Es wurde nichts gepostet. Nutze { $command } ohne { $preview }, um sie zu posten.
announce-posting-title = Wird gepostet · { $title }
announce-posting = Wird in { $channel } gepostet …
announce-posted-title = Ankündigung gepostet
announce-posted = In { $channel } gepostet.
announce-posted-link = In { $channel } gepostet: { $link }.
announce-see-message = zur Nachricht
announce-not-posted = Nicht gepostet
# $reason ist Discords eigener Status mit Meldung und Code: „403 Missing Permissions (code 50013)“.
announce-refused = Discord hat den Post abgelehnt: { $reason }.
announce-refused-permissions = Gib dem Bot in diesem Kanal die Berechtigungen „Kanal ansehen“, „Nachrichten senden“ und „Nachrichtenverlauf anzeigen“.
announce-refused-access = Der Bot kann diesen Kanal nicht sehen: Gib ihm dort die Berechtigung „Kanal ansehen“.
announce-refused-channel = Den Kanal gibt es nicht mehr: Wähle einen anderen Kanal.
announce-refused-events = Gib twinbot die Berechtigung „Events erstellen“ (Servereinstellungen › Rollen).
announce-failed = Der Post konnte nicht gesendet werden: { $reason }.

## /heimatstadt

home-not-changed = Heimatstadt nicht geändert
home-unknown = twinbot kennt keine Heimatstadt „{ $query }“.
home-knows = Bekannt sind { $homes }.
home-title = Heimatstädte
home-saved-title = Heimatstädte gespeichert
home-every = Die Befehle antworten hier für jede Heimatstadt: { $homes }.
home-answers = Die Befehle antworten hier für { $homes }: /partnerstadt, /seit, /partnerstädte, /jahrestage, /ankündigen und die Posts zu Jahrestagen.
home-terminal = Jeder Server wählt das in Discord mit /heimatstadt, und discord.home in config.toml legt den Standard fest. Hier im Terminal hängst du --home NAME an einen Befehl an, damit er für eine Heimatstadt antwortet.
home-known-field = Heimatstädte, die twinbot kennt
home-partners-field = Partnerstädte von { $homes }
home-partner-count = { $count ->
    [one] { $home }: { $count } Partnerstadt
   *[other] { $home }: { $count } Partnerstädte
}
home-save-failed = Die Heimatstädte konnten nicht gespeichert werden: { $error }

## /info

about-title = Über twinbot
about-intro = { $count ->
    [one] twinbot beantwortet Fragen zu den Partnerstädten von { $homes }: insgesamt { $count } Partnerschaft. Schreib Namen, wie du willst: falsch geschrieben, in einer anderen Sprache oder Schrift.
   *[other] twinbot beantwortet Fragen zu den Partnerstädten von { $homes }: insgesamt { $count } Partnerschaften. Schreib Namen, wie du willst: falsch geschrieben, in einer anderen Sprache oder Schrift.
}
about-data-field = Daten
about-data-line = { $home }: { $file } (Stand: { $updated })
about-data-line-undated = { $home }: { $file }
about-sources = Die Quellen jeder Partnerstadt stehen bei ihr in { $command }.
about-places-field = Ortsnamen
about-places = Gruppen legen die Dateien ihrer Städte mit dem weltweiten Ortsverzeichnis an, das twinbot mitbringt: { $geonames } (Städte ab 15.000 Einwohnern und ihre Namen in jeder Schrift), CC BY 4.0.
about-commands-field = Befehle
about-languages-field = Sprachen
about-languages = twinbot antwortet in deiner Discord-Sprache, wenn es sie spricht: { $languages }.

## /jahrestag-einstellungen

settings-not-saved = Einstellungen nicht gespeichert
settings-save-failed = Die Einstellungen konnten nicht gespeichert werden: { $error }
settings-conflict = { $who } hat { $fields } am { $day } um { $time } UTC geändert, während du diese Änderung vorgenommen hast. Deshalb wurde nichts gespeichert. Sieh dir die Einstellungen noch einmal an und wiederhole dann deine Änderung.
settings-conflict-someone = Jemand
settings-not-a-time = „{ $value }“ ist keine Uhrzeit: Schreib HH:MM im 24-Stunden-Format, etwa 09:00 oder 18:30.
settings-not-a-timezone = „{ $value }“ ist keine IANA-Zeitzone.
settings-pick-timezone = Wähle beim Tippen eine aus der Liste.
settings-not-a-day = „{ $value }“ ist kein Tag des Jahres: Schreib MM-TT, etwa 01-01 für den 1. Januar.
settings-not-a-language = „{ $value }“ ist keine Sprache, in der twinbot postet. Wähle eine von diesen: { $languages }.
settings-template-not-saved = Die Vorlage wurde nicht gespeichert: { $error }.
# $placeholders ist die Liste der Platzhalter, etwa {partner}; $open und $close sind {{ und }}.
settings-placeholders = Platzhalter: { $placeholders }; schreib { $open } und { $close } für geschweifte Klammern.
settings-everyone = Das ist die Rolle @everyone: twinbot erwähnt nie alle. Wähle eine Rolle, die sich Mitglieder selbst geben können.
settings-choose-channel = Wähle einen Kanal für die Posts: { $example }
settings-title-config = Jahrestags-Posts (config.toml)
settings-title-server = Jahrestags-Posts auf diesem Server
settings-title-saved = Jahrestags-Einstellungen gespeichert
settings-on = An, in { $channel }
settings-off-kept = Aus (Kanal { $channel } bleibt gespeichert). Einschalten mit { $example }.
settings-off = Aus. Wähle einen Kanal, um sie einzuschalten: { $example }
settings-time-value = { $time } { $zone } (heute ist das { $utc } UTC)
settings-role-only = Nur { $role } (nie @everyone oder @here)
settings-role-none = Keine: Posts erwähnen niemanden
settings-template-default = Standardvorlage auf { $language }
settings-language-default = { $language } (die Sprache des Servers)
settings-field-posts = Automatische Posts
settings-field-time = Uhrzeit
settings-field-digest = Tag des Sammelposts
settings-field-role = Erwähnte Rolle
settings-field-language = Sprache der Posts
settings-field-reminders = Erinnerungen an Moderatoren
settings-reminders-on = { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} vorher, in { $channel }
settings-reminders-off = Aus
settings-reminders-need-both = Erinnerungen brauchen beides, wie viele Tage vorher und den Kanal dafür: { $example }
settings-field-events = Server-Events
settings-events-off = Aus. { $example } legt für jeden kommenden Jahrestag ein Server-Event an, bei dem Mitglieder „Interessiert“ wählen können.
settings-events-on = Für jeden Jahrestag, { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} vorher
settings-events-on-milestones = Für Jubiläen, { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} vorher
settings-events-no-permission = ⚠️ twinbot kann hier keine Events anlegen: Gib ihm die Berechtigung „Events erstellen“ (Servereinstellungen › Rollen).
settings-event-made = 📅 { $name } · { $when }
settings-event-coming = ⏳ { $name } · { $when } (wird angelegt)
settings-event-deleted = 🗑️ { $name } · in Discord gelöscht, wird nicht neu angelegt
settings-events-more = { $count ->
    [one] Ein weiterer Jahrestag fällt in diese Zeit: twinbot legt höchstens die nächsten { $max } Events gleichzeitig an.
   *[other] { $count } weitere Jahrestage fallen in diese Zeit: twinbot legt höchstens die nächsten { $max } Events gleichzeitig an.
}
anniversaries-event = Event
settings-field-template = Vorlage
settings-field-next = Nächste Posts
settings-field-problems = Probleme
settings-field-recent = Zuletzt gepostet
settings-saved-on = Für diesen Server gespeichert am { $date }
settings-from-config = Aus config.toml ([anniversaries])
settings-defaults = Standardwerte: noch nichts gespeichert
settings-digest-of = { $count ->
    [one] Sammelpost mit { $count } Jahrestag für { $year }
   *[other] Sammelpost mit { $count } Jahrestagen für { $year }
}
settings-problem = ⚠️ { $key } · fällig am { $due } · { $state }
problem-refused = abgelehnt, neuer Versuch folgt ({ $attempts } von { $max } Versuchen)
problem-failed = fehlgeschlagen, neuer Versuch folgt ({ $attempts } von { $max } Versuchen)
problem-gave-up = { $attempts ->
    [one] nach { $attempts } Versuch nicht gepostet
   *[other] nach { $attempts } Versuchen nicht gepostet
}
problem-missed = verpasst, während twinbot offline war
# In Klammern nach einem verspäteten Post.
settings-belated = verspätet

## Vorlagen für Ankündigungen

template-unknown = unbekannter Platzhalter { $placeholder } an Stelle { $at }; die Platzhalter sind { $placeholders }
template-unclosed = die Klammer { $open } an Stelle { $at } wird nicht geschlossen: Schreib { $example } oder { $double } für eine Klammer als Text
template-unopened = die Klammer { $close } an Stelle { $at } hat keine öffnende { $open }: Schreib { $double } für eine Klammer als Text
template-empty = die Vorlage ist leer
template-too-long = die Ankündigung für { $partner } hätte { $length } Zeichen, mehr als die { $max }, die eine Ankündigung haben darf (Discord erlaubt { $limit } in einer Nachricht; der Rest bleibt für eine Rollen-Erwähnung und einen Verspätungshinweis): Kürze die Vorlage

## Posts

# Die eingebaute Ankündigung. Platzhalter: $ordinal (60.), $kind (Städtepartnerschaft), $home und
# $partner (Städtenamen im Nominativ), $country, $since (2. Juni 1969), $years (60), $date (Datum
# des Jahrestags).
post-default = 🎉 Heute feiern wir den { $ordinal } Jahrestag der { $kind } zwischen { $home } und { $partner } ({ $country }), die seit { PRECISION($since) ->
        [day] dem { $since }
       *[other] { $since }
    } besteht!
post-digest-title = Jahrestage von { $home } im Jahr { $year }
post-digest-intro = { " " }– Partnerschaften, von denen nur das Jahr bekannt ist:
post-digest-line = { $kind } mit { $home } seit { $since }
post-digest-more = { $count ->
    [one] … und ein weiterer Jahrestag.
   *[other] … und { $count } weitere Jahrestage.
}
schedule-anniversary = { $name }: { $ordinal } Jahrestag ({ $date })
schedule-milestone = Jubiläum
# Ein Jahrestag in Planungslisten (Sammelpost, nächste Posts): „Amiens (69. Jahrestag)“.
anniversary-brief = { $name } ({ $ordinal } Jahrestag)
anniversary-brief-milestone = { $name } ({ $ordinal } Jahrestag, Jubiläum)
schedule-digest = Sammelpost { $year }: { $names }
reminder = Der { $ordinal } Jahrestag der Partnerschaft mit { $name } ist { $days ->
    [1] morgen
   *[other] in { $days } Tagen
} ({ $date })
schedule-reminder = Erinnerung: { $reminder }
schedule-event = Server-Event: { $name } (angelegt am { $made })
post-belated = Verspätet: Dieser Post war am { $date } um { $time } ({ $zone }) fällig, als twinbot offline war.

## Kalender (iCalendar-Dateien der Jahrestage)

calendar-name = { $home }: Jahrestage der Partnerschaften
calendar-summary = { $partner } – { $ordinal } Jahrestag der { $kind } mit { $home }
calendar-day-unknown = Bekannt ist nur der Monat ({ $month }): Der Kalender zeigt diesen Jahrestag am Monatsersten.
calendar-month-unknown = Bekannt ist nur das Jahr ({ $year }): Der Kalender zeigt diesen Jahrestag am 1. Januar.
calendar-source = Quelle: { $url }
event-name = { $home } ↔ { $partner }: { $ordinal } Jahrestag
event-location = { $home }, { $homecountry } ↔ { $partner }, { $partnercountry }

## /zeitleiste

timeline-next = { $ordinal } · { $year }
timeline-kind-year = { $kind } · { $year }
cover-number = { $ordinal }
timeline-title = Partnerschaften von { $home } im Lauf der Jahre
timeline-key-formalised = besiegelt
timeline-key-milestone = Erneuerungen und Vereinbarungen
timeline-key-next = nächstes Jubiläum
timeline-alt = Zeitleiste { $count ->
    [one] der Partnerschaft
   *[other] der { $count } Partnerschaften
} von { $home }, die älteste zuerst, mit den nächsten Jubiläen.
timeline-empty = Für { $home } sind noch keine Partnerstädte eingetragen.
timeline-more = Ohne eigene Zeile (Platz ist für { $count }): { $names }

## /karte

map-title = Partnerstädte von { $home }
map-key-home = Heimatstadt
map-alt = Karte { $count ->
    [one] der Partnerstadt
   *[other] der { $count } Partnerstädte
} von { $home }, jede auf dem kürzesten Weg über den Globus mit ihrer Stadt verbunden.
map-unplaced = Nicht auf der Karte (keine Koordinaten in den Daten): { $names }
map-unlabelled = Zu dicht beieinander, um auf der Karte beschriftet zu werden: { $names }
map-credit = Landflächen: Natural Earth
map-no-coordinates = Für { $home } sind noch keine Koordinaten eingetragen, daher gibt es keine Karte.

## Schaltflächen und Formulare (aller Befehle)

button-cancel = Abbrechen
pending-gone-title = Bereits beendet
pending-gone = Diese Schaltfläche bewirkt nichts mehr. Nutze den Befehl noch einmal.
pending-expired = Die Zeit ist abgelaufen: Schaltflächen und Formulare funktionieren 15 Minuten lang. Nutze den Befehl noch einmal.
pending-done = Das ist bereits erledigt.
pending-not-yours-title = Nicht für dich
pending-not-yours = Nur das Mitglied, das den Befehl verwendet hat, kann seine Schaltflächen und Formulare nutzen.

## /stadt

# $commands zählt die Unterbefehle auf: „/stadt erstellen, /stadt hinzufügen oder /stadt rückgängig“.
town-choose = Wähle, was du tun möchtest: { $commands }.
town-off-title = Eigene Städte sind abgeschaltet
town-off = Wer diesen twinbot betreibt, hat /stadt abgeschaltet.
town-none-title = Noch keine Stadt
town-none = Dieser Server hat noch keine eigene Stadt. Erstelle sie mit { $create }.
town-exists-title = Dieser Server hat schon eine Stadt
town-exists = Die Stadt dieses Servers ist bereits { $town }. Um neu anzufangen, lösche sie zuerst mit { $delete }.
town-world-missing-title = Das Städteverzeichnis fehlt
town-world-missing = Dieser twinbot kann sein weltweites Städteverzeichnis nicht lesen, daher können hier keine Städte erstellt oder ergänzt werden. Wer ihn betreibt, kann das beheben.
town-not-found-title = Stadt nicht gefunden
town-not-found = Im weltweiten Städteverzeichnis gibt es keine Stadt namens { $query }.
# $places: „Brno (CZ), Bruno (IT) oder Brod (CZ)“.
town-did-you-mean = Meintest du { $places }?
town-created-title = Stadt erstellt
town-created = { $town } ist jetzt die eigene Stadt dieses Servers: Die Befehle hier antworten für sie. Füge mit { $add } ihre Partnerstädte hinzu.
# $took ist die genommene Stadt, $others die anderen Städte dieses Namens, $country die Option, die eine davon wählt.
town-others = Auch andere Städte heißen { $name }, daher wurde die einwohnerreichste genommen: { $took }. Die anderen: { $others }. Wenn du eine davon meinst, lösche diese Stadt und erstelle sie mit { $country } neu.
town-facts-field = Aus dem Städteverzeichnis
# $count Menschen leben dort.
town-people = { $count ->
    [one] { $count } Einwohner
   *[other] { $count } Einwohner
}
town-add-form-title = Partnerschaft mit { $city }
town-add-summary = Zusammenfassung
town-add-summary-placeholder = In ein paar eigenen Sätzen: wie die Verbindung begann und was sie ausmacht.
town-add-roots = Ursprünge (optional)
town-add-roots-placeholder = Frühere Kontakte, etwa ein Schüleraustausch in den 1950er-Jahren
town-add-notes = Anmerkungen (optional)
town-add-notes-placeholder = Wo sich deine Quellen widersprechen
town-add-milestone = Erster Eintrag der Chronik (optional)
town-add-milestone-placeholder = Urkunde im Rathaus unterzeichnet
town-field-source = Quelle
town-date-invalid = { $value } ist kein Datum. Schreib es als JJJJ-MM-TT, etwa 1969-06-02.
town-kind-invalid = { $value } ist keine Art von Verbindung. Wähle Städtepartnerschaft, Partnerschaft oder Städtefreundschaft.
town-source-invalid = { $value } ist keine Webadresse. Schreib die vollständige Adresse, beginnend mit https://.
town-added-title = Partnerstadt hinzugefügt
town-added = { $partner } ist jetzt eine Partnerstadt von { $town } (seit { PRECISION($since) ->
        [day] dem { $since }
       *[other] { $since }
    }).
town-summary-field = Zusammenfassung
town-edit-form-title = { $city }: Texte
town-edit-areas = Arbeitsfelder (eins pro Zeile, optional)
town-edit-areas-placeholder = Woran die Verbindung arbeitet, etwa Bildung und Austausch
town-edited-title = Gespeichert
town-edited = Die Texte von { $partner } sind gespeichert. Als Nächstes kannst du Datum, Art und Quellen ändern, falls nötig.
button-more-facts = Datum und Quellen…
button-try-again = Erneut versuchen
town-facts-form-title = { $city }: Datum und Quellen
town-facts-year = Jahr der Besiegelung
town-facts-year-placeholder = 1969
town-facts-date = Datum oder Monat (JJJJ-MM-TT oder JJJJ-MM)
town-facts-date-placeholder = 1969-06-02 oder 1969-06; leer, wenn nur das Jahr bekannt ist
town-facts-kind = Art (etwa Städtepartnerschaft, Partnerschaft)
town-facts-kind-placeholder = Städtepartnerschaft
town-facts-suspended = Ausgesetzt seit (JJJJ-MM-TT, optional)
town-facts-suspended-placeholder = Leer, solange der Austausch weitergeht
town-facts-sources = Quellen (eine Webadresse pro Zeile)
town-facts-sources-placeholder = https://…
town-facts-saved = Datum, Art und Quellen von { $partner } sind gespeichert.
town-year-invalid = { $value } ist kein Jahr: Schreib vier Ziffern, von 1000 bis 9999.
# $language ist der Name der Sprache: „Französisch“.
town-translate-form-title = { $city } auf { $language }
town-translated-title = Übersetzung gespeichert
town-translated = Die Texte von { $partner } auf { $language } sind gespeichert.
town-translation-removed = Die Texte von { $partner } auf { $language } sind entfernt: Wer auf { $language } liest, sieht wieder die Texte in der Sprache der Stadt.
town-translate-name = Name auf { $language } (optional)
town-translate-name-placeholder = Leer lassen, um { $city } zu behalten
town-name-saved = Auf { $language } heißt { $partner } jetzt { $name }.
town-name-removed = Der Name von { $partner } auf { $language } ist entfernt: Wer auf { $language } liest, sieht wieder den Namen, den die Stadt verwendet.
town-translation-none = Für { $partner } auf { $language } wurde nichts gespeichert.
town-language-own = Die Daten der Stadt sind bereits auf { $language } geschrieben: Ändere die Texte mit { $edit }.
town-not-saved-title = Nicht gespeichert
town-is-home = { $city } ist die Stadt dieses Servers selbst: Eine Stadt kann nicht ihre eigene Partnerstadt sein.
# $as ist der Name, unter dem die Stadt die Partnerstadt führt.
town-duplicate = { $town } hat { $partner } bereits als Partnerstadt, unter dem Namen { $as }.
town-no-partner-title = Partnerstadt nicht gefunden
town-no-partner = { $town } hat keine Partnerstadt namens { $query }.
town-too-many-partners = Eine Stadt kann höchstens { $limit } Partnerstädte haben.
town-too-many-milestones = Eine Partnerschaft kann höchstens { $limit } Einträge in der Chronik haben.
town-too-many-sources = Eine Partnerschaft kann höchstens { $limit } Quellen aufführen.
town-too-big = Die Daten einer Stadt dürfen höchstens { $limit } Bytes groß sein.
town-too-long = { $field }: höchstens { $limit } Zeichen.
town-invalid = Es wurde nichts geändert. Die Daten der Stadt würden die Prüfungen von twinbot nicht bestehen:
town-remove-title = { $partner } entfernen?
town-remove-confirm = { $partner } ist dann keine Partnerstadt von { $town } mehr, und die Jahrestage dieser Partnerschaft werden nicht gepostet. { $undo } holt sie zurück.
button-remove = Entfernen
town-removed-title = Partnerstadt entfernt
town-removed = { $partner } ist keine Partnerstadt von { $town } mehr. { $undo } holt sie zurück.
town-cancelled-title = Nichts geändert
town-cancelled = Es wurde nichts geändert.
town-history-title = Verlauf von { $town }
town-history-how-field = Rückgängig machen
town-history-undo = { $undo } macht die letzte Änderung rückgängig; jedes weitere Mal geht es einen Schritt weiter zurück.
town-by-operator = Betreiber von twinbot
town-change-created = Stadt { $home } erstellt
town-change-added = { $partner } hinzugefügt
town-change-edited = { $partner } bearbeitet
# $language ist der Name der Sprache: „Französisch“.
town-change-translated = { $partner } auf { $language } übersetzt
town-change-removed = { $partner } entfernt
town-change-undid = rückgängig gemacht: { $what }
town-change-deleted = Stadt gelöscht
town-change-other = Stadt mit einer neueren twinbot-Version geändert
town-undo-title = Nichts rückgängig zu machen
town-nothing-to-undo = Es gibt nichts Früheres rückgängig zu machen: So wurde die Stadt zuerst erstellt.
town-undone-title = Rückgängig gemacht
town-undone = Rückgängig gemacht: { $what }. Nutze { $undo } noch einmal, um weiter zurückzugehen.
town-delete-title = { $town } löschen?
town-delete-confirm = Die Befehle dieses Servers antworten dann nicht mehr für { $town }, und die Jahrestage ihrer Partnerschaften werden nicht mehr gepostet. Ihr Verlauf bleibt { $days } Tage lang erhalten, und bis dahin holt { $undo } sie zurück.
button-delete = Löschen
town-deleted-title = Stadt gelöscht
town-deleted = { $town } ist nicht mehr die Stadt dieses Servers. Ihr Verlauf bleibt { $days } Tage lang erhalten, und bis dahin holt { $undo } sie zurück.
town-export-title = Die Dateien von { $town }
town-exported = { $town } und { $count ->
    [one] ihre Partnerstadt sind
   *[other] ihre { $count } Partnerstädte sind
} angehängt: Die TOML-Datei enthält alle Daten im Format der Datendateien von twinbot, die CSV-Datei die Partnerstädte für eine Tabellenkalkulation. Ändere eine der beiden und lade sie mit { $import } wieder hoch.
town-export-toml = Alle Daten von { $town } (TOML)
town-export-csv = Die Partnerstädte von { $town } für eine Tabellenkalkulation (CSV)
town-import-no-file = Hänge die Datei an, die importiert werden soll: eine TOML- oder CSV-Datei, wie sie der Export liefert.
town-import-reading-title = { $file } wird gelesen …
town-import-title = { $file } importieren?
town-import-preview = Der Import von { $file } würde { $town } so ändern. Bis du auf „Importieren“ klickst, ändert sich nichts.
town-import-same = { $file } entspricht dem aktuellen Stand von { $town }: Es gibt nichts zu importieren.
town-import-added = { $count ->
    [one] Partnerstadt hinzugefügt
   *[other] { $count } Partnerstädte hinzugefügt
}
town-import-removed = { $count ->
    [one] Partnerstadt entfernt
   *[other] { $count } Partnerstädte entfernt
}
town-import-changed = { $count ->
    [one] Partnerstadt geändert
   *[other] { $count } Partnerstädte geändert
}
# Der letzte Eintrag einer gekürzten Namensliste: „Amiens, Brno und 12 weitere“.
town-import-more = { $count } weitere
town-import-home = Die Stadt selbst
town-import-home-changed = Auch ihre eigenen Angaben ändern sich: Name, Beschreibung, andere Namen oder Lage.
button-import = Importieren
town-imported-title = Importiert
town-imported = Erledigt: { $what }. { $undo } macht das rückgängig.
town-import-refused-title = { $file } wurde nicht importiert
import-wrong-kind = Importieren lassen sich nur TOML-Dateien (.toml) und CSV-Dateien (.csv), wie sie der Export liefert.
import-not-discord = Die Datei muss in Discord angehängt sein; diese liegt auf { $host }.
import-redirected = Die Adresse der Datei hat twinbot zu { $host } weitergeleitet, und das ist nicht Discord.
import-content-type = Die Datei hat den Typ { $type } und ist kein Text.
import-timeout = Die Datei ist nicht innerhalb von { $seconds ->
    [one] einer Sekunde
   *[other] { $seconds } Sekunden
} angekommen. Versuch es gleich noch einmal.
import-unreachable = Discord hat die Datei nicht herausgegeben. Versuch es gleich noch einmal.
import-too-big = Die Datei ist { $size } KB groß; importieren lassen sich höchstens { $limit } KB.
import-not-text = Die Datei ist kein reiner Text (UTF-8). Speichere sie als UTF-8-Text und versuch es noch einmal.
import-too-deep = Zeile { $line }: Klammern oder Namen mit Punkten sind mehr als { $limit } Ebenen tief verschachtelt – so tief braucht es keine Stadt.
import-csv-needs-town = Eine CSV-Datei ändert die Partnerstädte einer Stadt, und dieser Server hat noch keine Stadt. Erstelle sie mit { $create } oder importiere eine TOML-Datei.
import-unknown-column = Zeile { $line }: { $column } ist keine der Spalten einer Stadt. Die Spalten sind: { $known }.
import-no-name-column = Die erste Zeile muss die Spalten benennen, und eine davon muss „name“ heißen.
import-formula = Zeile { $line }, Spalte { $column }: { $text } beginnt wie eine Formel in einer Tabellenkalkulation, und Formeln werden nie importiert. Ist es als Text gemeint, setz ein ' davor.
import-bad-cell = Zeile { $line }, Spalte { $column }: { $text } ist kein gültiger Wert für diese Spalte; gültig wäre etwa { $example }.
import-twice = Zeile { $line }: { $partner } ist doppelt aufgeführt.
import-csv = Zeile { $line }: Das ist keine gültige CSV-Datei ({ $why }).
# $file ist der Name der Datei; die anderen zählen Partnerstädte.
town-change-imported = { $file } importiert ({ $added } hinzugefügt, { $removed } entfernt, { $changed } geändert)
town-calendar-title = Kalender von { $town }
town-calendar-address = Unter dieser Adresse können Kalender-Apps die Jahrestage von { $town } abonnieren. Wer die Adresse hat, kann den Kalender lesen, also teile sie nur mit deiner Gruppe. Gerät sie an andere, erstellt { $renew } eine neue.
town-calendar-renewed = Der Kalender von { $town } hat eine neue Adresse: Die alte funktioniert nicht mehr. Wer ihn abonniert hat, braucht jetzt diese.
town-calendar-off-title = Hier gibt es keine Kalender
town-calendar-off = Dieser twinbot bietet keine Kalender-Feeds an. Wer ihn betreibt, kann sie einschalten.
town-slow-down-title = Langsamer, bitte
town-slow-down = Dieser Server hat seine Stadt in kurzer Zeit sehr oft geändert. Versuch es in { $seconds ->
    [one] einer Sekunde
   *[other] { $seconds } Sekunden
} noch einmal.
# $who ist das Mitglied und der Tag: „@Anna, 6. Dezember 2026“.
town-conflict = Nicht gespeichert: Die Stadt dieses Servers wurde inzwischen geändert ({ $what } – { $who }). Sieh sie dir noch einmal an und versuch es erneut.

## Antworten über das eigene Konto eines Mitglieds

# Erste Zeile einer Antwort, die Discord nur dem Mitglied zeigt: Es hat twinbot seinem eigenen Konto
# hinzugefügt, der Server, in dem es ihn verwendet hat, nicht, und ihm fehlt dort die Berechtigung
# „Externe Apps verwenden“ (so, wie Discords eigene Einstellungen sie nennen).
external-apps-only-you = Nur du siehst das: twinbot ist zu deinem Konto hinzugefügt, nicht zu diesem Server, und dir fehlt hier die Berechtigung „Externe Apps verwenden“. Deshalb zeigt Discord seine Antworten nur dir.
