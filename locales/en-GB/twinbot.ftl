# twinbot in British English: every message the bot shows. This file is the reference: every
# other language carries the same messages with the same variables ($home, $count…).
# Command names and descriptions are the registry's own words (src/commands) and are not here.

## Numbers and dates

# An ordinal before "anniversary": 1st, 2nd, 3rd, 60th.
ordinal = { NUMBER($n, type: "ordinal") ->
    [one] { $n }st
    [two] { $n }nd
    [few] { $n }rd
   *[other] { $n }th
}

## Punctuation the code joins words with (it never writes " (" or ", " itself)

# A remark in brackets after a text: "1960 (with Dortmund)".
punctuation-aside = { $text } ({ $aside })
# A text, a comma and what follows it: "@Anna, 6 December 2026".
punctuation-comma = { $text }, { $more }
# Two sentences, one after the other.
punctuation-sentences = { $first } { $second }
# Two remarks in one pair of brackets: "(with Leeds; suspended since 31 March 2022)".
punctuation-semicolon = { $first }; { $second }

## The data model

# Dates ($since, $date) come at the precision the data knows them: "2 June 1969", "June 2014" or
# "1960". A language whose words depend on it selects on PRECISION($since) (day, month or year),
# and GENITIVE($since) is the date after a preposition, its month in the genitive where the
# language has one ("od června 2014"); { $since } alone is the date as it stands on its own.

kind-twinning = twinning
kind-partnership = partnership
kind-friendship = friendship
suspended-since = suspended since { $date }
# How long ago a link was formalised: $date, and $ago from CLDR ("57 years ago", "this year").
formalised-when = { $date } ({ $ago })
# A date in the year before this one ($diff 1), this year (0) or the next (-1), said after it:
# "(last year)". $cldr is CLDR's words for it; a language with words of its own chooses them by
# $diff (Czech: loni, letos).
year-relative = { $diff ->
   *[other] { $cldr }
}
# After a partner's name in lists: "🇩🇪 Germany — twinning, 2 June 1969".
partner-line = { $flag } { $country } — { $kind }, { $since }
# In brackets after a partner's line where the list has several home cities.
partner-line-with = with { $home }
did-you-mean = Did you mean { $names }?
data-footer = twinbot · data: { $files } · updated { $updated }
data-footer-undated = twinbot · data: { $files }
# Where the data of a town made in Discord comes from, in place of a file name.
data-own-town = this server's own town
# Shown under a card when some of a partner's texts have no translation yet.
untranslated = Some texts are shown as the data's authors wrote them: no translation has been written yet.

## Errors every command may give

error-title = That didn't work
error-unknown-command = I don't know the command /{ $command }.
error-removed = It may have been removed: try { $about } for the commands I have.
error-internal = Something went wrong while answering. Please try again in a moment.
error-unreadable = twinbot could not read this as Discord sent it. Try again in a moment; if it keeps happening, let whoever runs the bot know.
error-no-option = { $command } has no option { $option }.
error-option-needed = { $command } needs { $option }: { $what }.
error-out-of-range = { $option } must be between { $min } and { $max }; { $value } is not.
error-not-text = { $option } must be text.
error-not-number = { $option } must be a whole number.
error-not-boolean = { $option } must be true or false.
error-not-channel = { $option } must be a channel.
error-not-role = { $option } must be a role.
error-not-file = { $option } must be a file.
moderators-only-title = Moderators only
moderators-only = { $command } is for moderators: it needs the { $permission } permission in this channel. Ask a moderator of this server.
server-only-title = Only in a server
server-only = { $command } works in a server's channels, not in direct messages.
# The permission's name as Discord's own settings show it.
permission-manage-messages = Manage Messages
# As Discord's server settings name it.
permission-manage-server = Manage Server
needs-permission-to-post = You need the { $permission } permission in { $channel } to post an announcement there.
needs-permission-to-schedule = You need the { $permission } permission in { $channel } to have anniversaries posted there.
cannot-post = twinbot cannot post from here: posting needs the bot's token, and this installation has none. Ask whoever runs twinbot to set it.
files-need-token = The file could not be sent from here: sending files needs the bot's token, and this installation has none. Ask whoever runs twinbot to set it.

## /partner

field-country = Country
field-link = Link
field-formalised = Formalised
field-status = Status
field-roots = Roots
field-areas = Areas of cooperation
field-timeline = Timeline
field-groups = Community groups
field-aliases = Also known as
field-notes = Notes
field-sources = Sources
partner-status = { $suspended }: see the notes.
partner-also-home = { $partner } is also a home city here: { $command } lists its partners too, { $home } among them.
partner-empty = Type a partner city's name, such as { $example }.
partner-another-name = “{ $query }” is another name for { $partner }.
partner-showing = Showing { $partner } for “{ $query }”.
partner-country-title = { POSSESSIVE($home) } partners in { $country }
partner-country-hint = Use { $command } with one of these names for the full story.
partner-home-title = { $home } is home
partner-is-home = { $home } is the home city here: twinbot tells you about { POSSESSIVE($home) } partners.
partner-part-of-home = { $place } is part of { $home }, the home side of these partnerships, not a partner.
partner-own-links = { $count ->
    [one] { POSSESSIVE($place) } own partner is { $links }: { $command } tells its story.
   *[other] { POSSESSIVE($place) } own partners are { $links }: { $command } tells its story.
}
partner-own-link = { $name } ({ $kind } since { $since })
partner-try-one-of = Try one of: { $names }.
partner-none-title = No partner found
partner-none = No partner of { $home } matches “{ $query }”.
partner-try-field = Try one of { POSSESSIVE($home) } partners
partner-choice = { $name } ({ $country })
partner-choice-with = { $name } ({ $country }) – with { $home }

## /since

since-needs-year = { $command } needs a year.
since-swapped = { $until } ({ $to }) is before { $year } ({ $from }): swap them to list { $to }–{ $from }.
since-title-in = { POSSESSIVE($home) } partners in { $from }
since-title-range = { POSSESSIVE($home) } partners from { $from } to { $to }
since-title-since = { POSSESSIVE($home) } partners since { $from }
since-none-in = No partnership was formalised in { $from }.
since-none-range = No partnership was formalised from { $from } to { $to }.
since-none-since = No partnership was formalised in { $from } or later.
since-newest = The newest is { $name } ({ $kind }, { $since }).
since-count = { $count ->
    [one] { $count } partnership.
   *[other] { $count } partnerships.
}

## /partners

partners-title = { POSSESSIVE($home) } partner cities ({ $count })
partners-hint = Ask { $command } with a name for the full story.

## /anniversaries and the anniversary lines

# Under /anniversaries when a calendar file is attached.
anniversaries-calendar-note = 📅 The calendar file is attached: import it into your calendar app; importing a later one updates the events instead of repeating them.
# The attached file's description, for screen readers.
anniversaries-calendar-file = Calendar file of { POSSESSIVE($home) } anniversaries
# After the partner's name and flag: "60th anniversary".
anniversary-number = { $ordinal } anniversary
anniversary-milestone = ★ milestone
# After the headline: "2 June 2029 (twinning since 2 June 1969)".
anniversary-when = { $date } ({ $kind } since { $since })
anniversaries-upcoming-title = { POSSESSIVE($home) } upcoming anniversaries
anniversaries-upcoming-none = No partnership has a known month or day to count from.
anniversaries-next-title = { $count ->
    [one] { POSSESSIVE($home) } next { $count } anniversary
   *[other] { POSSESSIVE($home) } next { $count } anniversaries
}
anniversaries-year-title = { POSSESSIVE($home) } anniversaries in { $year }
anniversaries-year-none = No partnership had been formalised for a year or more by { $year }.
anniversaries-milestones = { $count ->
    [0] No milestone anniversaries in { $year }.
    [one] { $count } milestone anniversary in { $year }.
   *[other] { $count } milestone anniversaries in { $year }.
}

## /announce

announce-no-match = No partner matches “{ $query }”.
announce-which-title = Which partner?
announce-which = Name one partner city: { $names }.
announce-suspended = The { $kind } with { $partner } is { $suspended }: its anniversaries are not announced. The notes in { $command } say why.
announce-too-early = The { $kind } with { $partner } dates from { $since }: its first anniversary is in { $year }.
announce-title = { $partner }: { $ordinal } anniversary
announce-preview-title = Preview · { $title }
announce-terminal-footer = Preview only: use { $command } in a Discord server to post it.
announce-would-post-in = Would be posted in
announce-preview-footer = Preview only: nothing was posted. Run { $command } without { $preview } to post it.
announce-posting-title = Posting · { $title }
announce-posting = Posting in { $channel }…
announce-posted-title = Announcement posted
announce-posted = Posted in { $channel }.
announce-posted-link = Posted in { $channel }: { $link }.
announce-see-message = see the message
announce-not-posted = Not posted
# $reason is Discord's own status, message and code: "403 Missing Permissions (code 50013)".
announce-refused = Discord refused the post: { $reason }.
announce-refused-permissions = Give the bot View Channel, Send Messages and Read Message History in that channel.
announce-refused-access = The bot cannot see that channel: give it View Channel there.
announce-refused-channel = The channel no longer exists: choose another channel.
announce-refused-events = Give twinbot the Create Events permission (Server Settings › Roles).
# $reason is the network's or Discord's own words.
announce-failed = The post could not be sent: { $reason }.

## /home

home-not-changed = Home not changed
home-unknown = twinbot has no home city “{ $query }”.
home-knows = It knows { $homes }.
home-title = Home cities
home-saved-title = Home cities saved
home-every = Commands here answer for every home city: { $homes }.
home-answers = Commands here answer for { $homes }: /partner, /since, /partners, /anniversaries, /announce and the anniversary posts.
home-terminal = Each server chooses with /home in Discord, and discord.home in config.toml sets the default. Here in the terminal, add --home NAME to a command to answer for one home city.
home-known-field = Home cities twinbot knows
home-partners-field = { POSSESSIVE($homes) } partners
home-partner-count = { $count ->
    [one] { $home }: { $count } partner city
   *[other] { $home }: { $count } partner cities
}
home-save-failed = The home cities could not be saved: { $error }

## /about

about-title = About twinbot
about-intro = twinbot answers questions about { POSSESSIVE($homes) } partner cities: { $count } partnerships in all. Type names any way you like: misspelt, in another language or script.
about-data-field = Data
about-data-line = { $home }: { $file }, updated { $updated }
about-data-line-undated = { $home }: { $file }
about-sources = Each partner's sources are listed with it in { $command }.
about-places-field = Place names
about-places = Groups start their towns' files from twinbot's world gazetteer: { $geonames } (cities of 15,000 people or more and their names in every script), CC BY 4.0.
about-commands-field = Commands
about-languages-field = Languages
about-languages = twinbot answers in your Discord language when it speaks it: { $languages }.

## /anniversary-settings

settings-not-saved = Settings not saved
settings-save-failed = The settings could not be saved: { $error }
settings-conflict = { $who } changed { $fields } on { $day } at { $time } UTC while you were making this change, so nothing was saved. Look at the settings again, then repeat your change.
settings-conflict-someone = Someone
settings-not-a-time = “{ $value }” is not a time of day: write HH:MM in 24-hour time, such as 09:00 or 18:30.
settings-not-a-timezone = “{ $value }” is not an IANA timezone.
settings-pick-timezone = Pick one from the list as you type.
settings-not-a-day = “{ $value }” is not a day of the year: write MM-DD, such as 01-01 for 1 January.
settings-not-a-language = “{ $value }” is not a language twinbot posts in: choose one of { $languages }.
settings-template-not-saved = The template was not saved: { $error }.
# $placeholders is the list of placeholders, such as {partner}; $open and $close are {{ and }}.
settings-placeholders = Placeholders: { $placeholders }; write { $open } and { $close } for braces.
settings-everyone = That is the @everyone role: twinbot never pings everyone. Choose a role members can opt into.
settings-choose-channel = Choose a channel for the posts: { $example }
settings-title-config = Anniversary posts (config.toml)
settings-title-server = Anniversary posts in this server
settings-title-saved = Anniversary settings saved
settings-on = On, in { $channel }
settings-off-kept = Off (channel { $channel } kept). Turn on with { $example }.
settings-off = Off. Choose a channel to turn them on: { $example }
settings-time-value = { $time } { $zone } (today that is { $utc } UTC)
settings-role-only = { $role } only (never @everyone or @here)
settings-role-none = None: posts ping nobody
settings-template-default = (the default for { $language })
settings-language-default = { $language } (the server's language)
settings-field-posts = Automatic posts
settings-field-time = Time
settings-field-digest = Digest day
settings-field-role = Role ping
settings-field-language = Language of the posts
settings-field-reminders = Reminders to moderators
settings-reminders-on = { $days ->
    [one] one day
   *[other] { $days } days
} ahead, in { $channel }
settings-reminders-off = Off
settings-reminders-need-both = Reminders need both how many days ahead and the channel they go to: { $example }
settings-field-events = Server events
settings-events-off = Off. { $example } makes a server event for each coming anniversary, which members can mark as Interested.
settings-events-on = For each anniversary, { $days ->
    [one] one day
   *[other] { $days } days
} ahead
settings-events-on-milestones = For milestone anniversaries, { $days ->
    [one] one day
   *[other] { $days } days
} ahead
settings-events-no-permission = ⚠️ twinbot cannot make events here: give it the Create Events permission (Server Settings › Roles).
settings-event-made = 📅 { $name } · { $when }
settings-event-coming = ⏳ { $name } · { $when } (to be made)
settings-event-deleted = 🗑️ { $name } · deleted in Discord, not made again
settings-events-more = { $count ->
    [one] One more anniversary falls in that time: twinbot keeps only its { $max } soonest events at once.
   *[other] { $count } more anniversaries fall in that time: twinbot keeps only its { $max } soonest events at once.
}
anniversaries-event = event
settings-field-template = Template
settings-field-next = Next posts
settings-field-problems = Problems
settings-field-recent = Recently posted
settings-saved-on = Saved for this server, { $date }
settings-from-config = From config.toml ([anniversaries])
settings-defaults = Defaults: nothing saved yet
settings-digest-of = { $count ->
    [one] digest of { $count } for { $year }
   *[other] digest of { $count } for { $year }
}
settings-problem = ⚠️ { $key } · due { $due } · { $state }
problem-refused = refused, will retry ({ $attempts } of { $max } tries)
problem-failed = failed, will retry ({ $attempts } of { $max } tries)
problem-gave-up = not posted after { $attempts } tries
problem-missed = missed while twinbot was down
# In brackets after a post made late.
settings-belated = belated

## Announcement templates

template-unknown = unknown placeholder { $placeholder } at character { $at }; the placeholders are { $placeholders }
template-unclosed = the { $open } at character { $at } is not closed: write { $example }, or { $double } for a literal brace
template-unopened = the { $close } at character { $at } has no opening { $open }: write { $double } for a literal brace
template-empty = the template is empty
template-too-long = the announcement for { $partner } would be { $length } characters, over the { $max } an announcement may have (Discord allows { $limit } in a message; the rest is kept for a role ping and a belated note): shorten the template

## Posts

# The built-in announcement. Placeholders: $ordinal (60th), $kind (twinning), $home and $partner
# (city names: keep them in the nominative), $country, $since (2 June 1969), $years (60),
# $date (the anniversary's date).
post-default = 🎉 Today we celebrate the { $ordinal } anniversary of the { $kind } between { $home } and { $partner } ({ $country }), which dates from { $since }.
post-digest-title = { POSSESSIVE($home) } anniversaries in { $year }
post-digest-intro = { " " }of partnerships known only by their year:
post-digest-line = { $kind } with { $home } since { $since }
post-digest-more = … and { $count } more.
schedule-anniversary = { $name } { $ordinal } anniversary ({ $date })
schedule-milestone = milestone
# An anniversary in planners' lists (the digest, the next posts): "Amiens (69th anniversary)".
anniversary-brief = { $name } ({ $ordinal } anniversary)
anniversary-brief-milestone = { $name } ({ $ordinal } anniversary, milestone)
schedule-digest = digest of { $year }: { $names }
reminder = { POSSESSIVE($name) } { $ordinal } anniversary is { $days ->
    [1] tomorrow
   *[other] in { $days } days
} ({ $date })
schedule-reminder = reminder: { $reminder }
schedule-event = server event: { $name } (made { $made })
post-belated = Belated: this was due on { $date } at { $time } ({ $zone }), while twinbot was offline.

## Calendars (iCalendar files of the anniversaries)

# The calendar's name in calendar apps: "Leeds: partnership anniversaries".
calendar-name = { $home }: partnership anniversaries
# One anniversary in a calendar: "Dortmund – 60th anniversary of the twinning with Leeds".
calendar-summary = { $partner } – { $ordinal } anniversary of the { $kind } with { $home }
# $month is the month and year: "June 2029".
calendar-day-unknown = Only the month is known ({ $month }): the calendar shows this anniversary on the month's first day.
calendar-month-unknown = Only the year is known ({ $year }): the calendar shows this anniversary on 1 January.
calendar-source = Source: { $url }
event-name = { $home } ↔ { $partner }: { $ordinal } anniversary
event-location = { $home }, { $homecountry } ↔ { $partner }, { $partnercountry }

## /timeline

# Beside the star of a partnership's next milestone on the timeline: its ordinal and year, "60th · 2028".
timeline-next = { $ordinal } · { $year }
# Under a partner's name on the timeline: the kind of link and the year it was formalised, "twinning · 1969".
timeline-kind-year = { $kind } · { $year }
# The anniversary's number alone, large on an event's cover: "60th" (Chinese: "60周年").
cover-number = { $ordinal }
timeline-title = { POSSESSIVE($home) } partnerships over the years
timeline-key-formalised = formalised
timeline-key-milestone = renewals and agreements
timeline-key-next = next milestone anniversary
# The picture's description, for those who cannot see it.
timeline-alt = Timeline of { POSSESSIVE($home) } { $count ->
    [one] partnership
   *[other] { $count } partnerships
}, oldest first, with the next milestone anniversaries marked.
timeline-empty = { $home } has no partners in the data yet.
timeline-more = Without a row of their own (the picture has room for { $count }): { $names }

## /map

map-title = { POSSESSIVE($home) } partner cities
map-key-home = home city
# The picture's description, for those who cannot see it.
map-alt = Map of { POSSESSIVE($home) } { $count ->
    [one] partner city
   *[other] { $count } partner cities
}, each joined to its home by the shortest way over the globe.
map-unplaced = Not on the map (no coordinates in the data): { $names }
map-unlabelled = Too close together to be named on the map: { $names }
map-credit = Land: Natural Earth
map-no-coordinates = The data has no coordinates for { $home } yet, so there is no map to draw.

## Buttons and forms (any command's)

button-cancel = Cancel
pending-gone-title = This has ended
pending-gone = This button no longer does anything. Use the command again.
pending-expired = This has expired: buttons and forms work for 15 minutes. Use the command again.
pending-done = This has been done already.
pending-not-yours-title = Not for you
pending-not-yours = Only the member who used the command can use its buttons and forms.

## /town

# $commands lists the subcommands: "/town create, /town add or /town undo".
town-choose = Choose what to do: { $commands }.
town-off-title = Towns are turned off
town-off = This twinbot's operator has turned /town off.
town-none-title = No town yet
town-none = This server has no town of its own yet. Make it with { $create }.
town-exists-title = This server has a town
town-exists = This server's town is { $town } already. To start again, delete it with { $delete } first.
town-world-missing-title = The world's cities are missing
town-world-missing = This twinbot cannot read its list of the world's cities, so towns cannot be made or added to here. Its operator can fix this.
town-not-found-title = City not found
town-not-found = There is no city called { $query } among the world's cities.
# $places: "Brno (CZ), Bruno (IT) or Brod (CZ)".
town-did-you-mean = Did you mean { $places }?
town-created-title = Town created
town-created = { $town } is this server's own town now: its commands answer for it. Add its partner cities with { $add }.
# $took is the city taken, $others the other cities of that name, $country the option that picks one.
town-others = Other cities are called { $name } too, so the most populous was taken, { $took }. The others: { $others }. If you meant one of them, delete this town and create it again with { $country }.
town-facts-field = From the world's cities
# $count people live there.
town-people = { $count ->
    [one] { $count } inhabitant
   *[other] { $count } inhabitants
}
town-add-form-title = { $city }: the partnership
town-add-summary = Summary
town-add-summary-placeholder = In a few sentences of your own: how the link began, and what it does.
town-add-roots = Roots (optional)
town-add-roots-placeholder = Earlier contacts, such as school exchanges from the 1950s
town-add-notes = Notes (optional)
town-add-notes-placeholder = Where your sources disagree
town-add-milestone = First timeline entry (optional)
town-add-milestone-placeholder = Charter signed in the town hall
town-field-source = Source
town-date-invalid = { $value } is not a date. Write it as YYYY-MM-DD, such as 1969-06-02.
town-kind-invalid = { $value } is not a kind of link. Choose twinning, partnership or friendship.
town-source-invalid = { $value } is not a web address. Write the whole address, starting with https://.
town-added-title = Partner added
town-added = { $partner } is a partner of { $town } now, since { $since }.
town-summary-field = Summary
town-edit-form-title = { $city }: texts
town-edit-areas = Areas (one per line, optional)
town-edit-areas-placeholder = What the link works on, such as education and exchanges
town-edited-title = Saved
town-edited = The texts of { $partner } are saved. Its dates, kind and sources come next, if they need changing.
button-more-facts = Dates and sources…
button-try-again = Try again
town-facts-form-title = { $city }: dates and sources
town-facts-year = Year formalised
town-facts-year-placeholder = 1969
town-facts-date = Date, or month (YYYY-MM-DD or YYYY-MM)
town-facts-date-placeholder = 1969-06-02, or 1969-06, or empty when only the year is known
town-facts-kind = Kind: twinning, partnership or friendship
town-facts-kind-placeholder = twinning
town-facts-suspended = Suspended since (YYYY-MM-DD, optional)
town-facts-suspended-placeholder = Empty while the exchanges go on
town-facts-sources = Sources (one web address per line)
town-facts-sources-placeholder = https://…
town-facts-saved = The dates, kind and sources of { $partner } are saved.
town-year-invalid = { $value } is not a year: write four digits, from 1000 to 9999.
# $language is the language's name: "German".
town-translate-form-title = { $city } in { $language }
town-translated-title = Translation saved
town-translated = The texts of { $partner } in { $language } are saved.
town-translation-removed = The texts of { $partner } in { $language } are removed: readers in { $language } see the town's own.
# The first input of /town language's form: the partner's name in that language. $city is the
# name the town writes.
town-translate-name = Name in { $language } (optional)
town-translate-name-placeholder = Leave empty to keep { $city }
town-name-saved = In { $language }, { $partner } is called { $name } now.
town-name-removed = The name of { $partner } in { $language } is removed: readers in { $language } see the town's own again.
town-translation-none = Nothing was saved for { $partner } in { $language }.
town-language-own = The town is written in { $language } already: change its texts with { $edit }.
town-not-saved-title = Not saved
town-is-home = { $city } is this server's town itself: a city is not its own partner.
# $as is the name the town lists the partner under.
town-duplicate = { $town } has { $partner } as a partner already, as { $as }.
town-no-partner-title = Partner not found
town-no-partner = { $town } has no partner called { $query }.
town-too-many-partners = A town has at most { $limit } partner cities.
town-too-many-milestones = A partnership has at most { $limit } timeline entries.
town-too-many-sources = A partnership lists at most { $limit } sources.
town-too-big = A town's data may be at most { $limit } bytes long.
town-too-long = { $field }: at most { $limit } characters.
town-invalid = Nothing was changed. The town's data would not pass twinbot's checks:
town-remove-title = Remove { $partner }?
town-remove-confirm = { $partner } will no longer be a partner of { $town }, and its anniversaries will not be posted. { $undo } brings it back.
button-remove = Remove
town-removed-title = Partner removed
town-removed = { $partner } is no longer a partner of { $town }. { $undo } brings it back.
town-cancelled-title = Nothing changed
town-cancelled = Nothing was changed.
town-history-title = History of { $town }
town-history-how-field = Undo
town-history-undo = { $undo } undoes the latest change. Used again, it goes further back.
town-by-operator = the operator
town-change-created = created the town of { $home }
town-change-added = added { $partner }
town-change-edited = edited { $partner }
# $language is the language's name: "German".
town-change-translated = translated { $partner } into { $language }
town-change-removed = removed { $partner }
town-change-undid = undid: { $what }
town-change-deleted = deleted the town
town-change-other = changed the town with a newer twinbot
town-undo-title = Nothing to undo
town-nothing-to-undo = There is nothing earlier to undo: this is the town as it was first made.
town-undone-title = Undone
town-undone = Undone: { $what }. Use { $undo } again to go further back.
town-delete-title = Delete { $town }?
town-delete-confirm = This server's commands will no longer answer for { $town }, and its anniversaries will not be posted. Its history is kept for { $days } days, and until then { $undo } brings it back.
button-delete = Delete
town-deleted-title = Town deleted
town-deleted = { $town } is no longer this server's town. Its history is kept for { $days } days, and until then { $undo } brings it back.
town-export-title = The files of { $town }
town-exported = { $town } and its { $count ->
    [one] partner are
   *[other] { $count } partners are
} attached: the TOML file holds all of its data, in the format of twinbot's data files; the CSV file holds its partners, for a spreadsheet. Change either, and bring it back with { $import }.
town-export-toml = All the data of { $town } (TOML)
town-export-csv = The partner cities of { $town }, for a spreadsheet (CSV)
town-import-no-file = Attach the file to import: a TOML or CSV file such as those the export gives.
town-import-reading-title = Reading { $file }…
town-import-title = Import { $file }?
town-import-preview = Importing { $file } would make these changes to { $town }. Nothing changes until you press Import.
town-import-same = { $file } holds { $town } as it is now: there is nothing to import.
town-import-added = { $count ->
    [one] Partner added
   *[other] { $count } partners added
}
town-import-removed = { $count ->
    [one] Partner removed
   *[other] { $count } partners removed
}
town-import-changed = { $count ->
    [one] Partner changed
   *[other] { $count } partners changed
}
# The last item of a list of names cut short: "Amiens, Brno and 12 more".
town-import-more = { $count } more
town-import-home = The town itself
town-import-home-changed = Its own details change too: its name, description, other names or place.
button-import = Import
town-imported-title = Imported
town-imported = Done: { $what }. { $undo } undoes it.
town-import-refused-title = { $file } was not imported
import-wrong-kind = Only TOML files (.toml) and CSV files (.csv) can be imported, such as those the export gives.
import-not-discord = The file must be one attached in Discord; this one is on { $host }.
import-redirected = The file's address sent twinbot on to { $host }, which is not Discord.
import-content-type = The file is { $type }, not text.
import-timeout = The file took longer than { $seconds } seconds to arrive. Try again in a moment.
import-unreachable = Discord did not hand over the file. Try again in a moment.
import-too-big = The file is { $size } KB; at most { $limit } KB can be imported.
import-not-text = The file is not plain text (UTF-8). Save it as UTF-8 text, and try again.
import-too-deep = Line { $line }: brackets or dotted names nest more than { $limit } levels deep, which no town needs.
import-csv-needs-town = A CSV file changes a town's partners, and this server has no town yet. Make it with { $create }, or import a TOML file.
import-unknown-column = Line { $line }: { $column } is not one of a town's columns. They are { $known }.
import-no-name-column = The first line must name the columns, and one of them must be name.
import-formula = Line { $line }, column { $column }: { $text } begins like a spreadsheet formula, and formulas are never imported. If it is meant as text, put ' before it.
import-bad-cell = Line { $line }, column { $column }: { $text } is not a value this column takes, such as { $example }.
import-twice = Line { $line }: { $partner } is listed twice.
import-csv = Line { $line }: this is not a well-formed CSV file ({ $why }).
# $file is the file's name; the others count partners.
town-change-imported = imported { $file } ({ $added } added, { $removed } removed, { $changed } changed)
town-calendar-title = Calendar of { $town }
town-calendar-address = Calendar apps can subscribe to the anniversaries of { $town } at this address. Anyone who has it can read the calendar, so share it only with your group. If it reaches others, { $renew } makes a new one.
town-calendar-renewed = The calendar of { $town } has a new address: the old one no longer works. Anyone who subscribed needs this one.
town-calendar-off-title = No calendars here
town-calendar-off = This twinbot does not offer calendar feeds. Its operator can turn them on.
town-slow-down-title = Slow down
town-slow-down = This server has changed its town many times in a short while. Try again in { $seconds ->
    [one] a second
   *[other] { $seconds } seconds
}.
# $who is the member and the day: "@Anna, 6 December 2026".
town-conflict = Not saved: { $who } changed this server's town meanwhile ({ $what }). Look at it again, and try once more.

## Replies through a member's own account

# First line of a reply Discord shows to the member alone: they added twinbot to their own account,
# the server they used it in has not added it, and they lack that server's Use External Apps
# permission (named as Discord's own settings name it).
external-apps-only-you = Only you can see this: twinbot is added to your account, not to this server, and you do not have the “Use External Apps” permission here, so Discord shows its replies to you alone.
