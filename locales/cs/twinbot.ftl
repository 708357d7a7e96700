# twinbot česky. Příkazy: názvy (malými písmeny, nejvýše 32 znaků, bez mezer) a popisy (nejvýše
# 100 znaků), slovy českého klienta Discordu.

partner = partnerské-město
partner-description = Vše o jednom partnerském městě
partner-city = město
partner-city-description = Partnerské město, v jakémkoli pravopisu či jazyce

since = od-roku
since-description = Partnerství uzavřená v daném roce nebo později
since-year = rok
since-year-description = První zahrnutý rok
since-until = do-roku
since-until-description = Poslední zahrnutý rok (výchozí: bez omezení)

partners = partnerská-města
partners-description = Všechna partnerská města, od nejstaršího partnerství

anniversaries = výročí
anniversaries-description = Výročí partnerství v daném roce, s vyznačenými jubilei
anniversaries-year = rok
anniversaries-year-description = Rok (výchozí: letošní)
anniversaries-upcoming = nejbližší
anniversaries-upcoming-description = Místo toho tolik nejbližších výročí s datem, počínaje dneškem
anniversaries-calendar = kalendář
anniversaries-calendar-description = Přiložit je také jako soubor kalendáře (.ics) pro kalendářové aplikace

timeline = časová-osa
timeline-description = Obrázek partnerství v průběhu let s vyznačenými nejbližšími jubilei
map = mapa
map-description = Mapa partnerských měst, každé spojené se svým městem nejkratší cestou

announce = oznámit
announce-description = Zveřejnit oznámení o výročí partnerství (moderátoři)
announce-city = město
announce-city-description = Partnerské město
announce-channel = kanál
announce-channel-description = Kam ho zveřejnit (výchozí: tento kanál)
announce-preview = náhled
announce-preview-description = Ukázat ho jen tobě, bez zveřejnění

anniversary-settings = nastavení-výročí
anniversary-settings-description = Zobrazit nebo změnit automatické příspěvky k výročím na tomto serveru (moderátoři)
anniversary-settings-channel = kanál
anniversary-settings-channel-description = Zveřejňovat výročí v tomto kanálu (zapne příspěvky)
anniversary-settings-time = čas
anniversary-settings-time-description = Místní čas příspěvků, HH:MM (výchozí 09:00)
anniversary-settings-timezone = časové-pásmo
anniversary-settings-timezone-description = Časové pásmo IANA, např. Europe/Prague (výchozí: Europe/London)
anniversary-settings-template = šablona
anniversary-settings-template-description = Text oznámení s {"{"}partner{"}"}, {"{"}ordinal{"}"}…; „default“ obnoví výchozí
anniversary-settings-role = role
anniversary-settings-role-description = Jediná role, která se v automatických příspěvcích zmíní (nikdy @everyone)
anniversary-settings-no-role = bez-role
anniversary-settings-no-role-description = Přestat zmiňovat roli
anniversary-settings-digest = souhrn
anniversary-settings-digest-description = Den souhrnu partnerství známých jen podle roku, MM-DD (výchozí 01-01)
anniversary-settings-enabled = zapnuto
anniversary-settings-enabled-description = Zapnout nebo vypnout automatické příspěvky
anniversary-settings-language = jazyk
anniversary-settings-language-description = Jazyk příspěvků (výchozí: jazyk serveru)
anniversary-settings-remind-days = dny-předem
anniversary-settings-remind-days-description = Připomenout moderátorům každé výročí tolik dní předem (1–90)
anniversary-settings-remind-channel = kanál-připomínek
anniversary-settings-remind-channel-description = Kam půjdou připomínky, například kanál moderátorů (nikoho nezmiňují)
anniversary-settings-no-reminders = bez-připomínek
anniversary-settings-no-reminders-description = Vypnout připomínky předem
anniversary-settings-events = události
anniversary-settings-events-description = Ke každému nadcházejícímu výročí vytvořit událost serveru, ke které se členové můžou přidat
anniversary-settings-events-ahead = události-dny-předem
anniversary-settings-events-ahead-description = Vytvořit každou událost tolik dní před výročím (1–90, výchozí 30)
anniversary-settings-events-milestones-only = události-jen-jubilea
anniversary-settings-events-milestones-only-description = Události jen k jubileím (60., 75. …)

home = domovské-město
home-description = Zobrazit nebo zvolit domovské město, pro které platí příkazy tohoto serveru (moderátoři)
home-city = město
home-city-description = Odpovídat jen o tomto domovském městě
home-add = přidat
home-add-description = Odpovídat i o tomto domovském městě
home-all = všechna
home-all-description = Odpovídat o všech domovských městech, která twinbot zná

town = město
town-description = Vytvořit a spravovat vlastní město tohoto serveru a jeho partnerská města (Spravovat server)
town-create = vytvořit
town-create-description = Vytvořit vlastní město tohoto serveru ze seznamu měst světa
town-create-city = město
town-create-city-description = Tvoje město, jak se obvykle píše
town-create-country = země
town-create-country-description = Dvoupísmenný kód jeho země (CZ, SK…), pokud se stejně jmenuje víc měst
town-add = přidat
town-add-description = Přidat partnerské město k městu tohoto serveru
town-add-city = město
town-add-city-description = Partnerské město
town-add-year = rok
town-add-year-description = Rok, kdy byl vztah uzavřen
town-add-date = datum
town-add-date-description = Přesné datum, RRRR-MM-DD, pokud ho tvé zdroje uvádějí
town-add-month = měsíc
town-add-month-description = Měsíc (1 až 12), pokud je znám jen měsíc
town-add-kind = druh
town-add-kind-description = Partnerství měst, partnerská spolupráce nebo přátelství (výchozí: partnerství měst)
town-add-source = zdroj
town-add-source-description = Adresa webové stránky, která to uvádí
town-add-country = země
town-add-country-description = Dvoupísmenný kód jeho země (CZ, SK…), pokud se stejně jmenuje víc měst
town-edit = upravit
town-edit-description = Upravit texty partnerského města, potom jeho data a zdroje
town-edit-city = město
town-edit-city-description = Partnerské město, které se má upravit
town-language = jazyk
town-language-description = Napsat texty partnerského města v jiném jazyce
town-language-city = město
town-language-city-description = Partnerské město
town-language-lang = jazyk
town-language-lang-description = Jazyk, ve kterém jeho texty napíšeš
town-remove = odebrat
town-remove-description = Odebrat jedno z partnerských měst města tohoto serveru
town-remove-city = město
town-remove-city-description = Partnerské město, které se má odebrat
town-history = historie
town-history-description = Poslední změny města tohoto serveru a kdo je provedl
town-undo = vrátit-zpět
town-undo-description = Vrátit zpět poslední změnu města tohoto serveru
town-export = exportovat
town-export-description = Město tohoto serveru v souborech: jeho data (TOML) a partnerská města pro tabulkový procesor (CSV)
town-import = importovat
town-import-description = Nahradit město tohoto serveru souborem: jeho daty (TOML), nebo partnerskými městy (CSV)
town-import-file = soubor
town-import-file-description = Upravený soubor z „/město exportovat“: TOML (celé město), nebo CSV (partnerská města)
town-calendar = kalendář
town-calendar-description = Adresa pro odběr kalendáře tohoto města v kalendářových aplikacích
town-calendar-renew = obnovit
town-calendar-renew-description = Vytvořit novou adresu; stará přestane fungovat
town-delete = smazat
town-delete-description = Smazat město tohoto serveru (jeho historie se uchová 30 dní)

about = o-botovi
about-description = Co je twinbot, odkud má data a jaké má příkazy

# Odpovědi bota. Vzor je locales/en-GB/twinbot.ftl: tytéž zprávy se stejnými proměnnými.
# Názvy měst přicházejí v 1. pádě a neskloňují se: věty jsou stavěné tak, aby 1. pád zněl
# přirozeně („Leeds: …“, „s městem { $home }“).

## Čísla a data

# Řadová číslovka před „výročí“: 1., 60.
ordinal = { $n }.

## Interpunkce, kterou kód spojuje slova (sám nikdy nepíše „ (“ ani „, “)

# Poznámka v závorce za textem: „1960 (s městem Dortmund)“.
punctuation-aside = { $text } ({ $aside })
# Text, čárka a to, co následuje: „@Anna, 6. prosince 2026“.
punctuation-comma = { $text }, { $more }
# Dvě věty za sebou.
punctuation-sentences = { $first } { $second }
punctuation-semicolon = { $first }; { $second }

## Datový model

# Data ($since, $date) mají přesnost, jakou data znají: „2. června 1969“, „červen 2014“ nebo
# „1960“. PRECISION($since) je day, month nebo year (den, měsíc, rok); GENITIVE($since) je datum
# po předložce, s měsícem ve 2. pádě: „od června 2014“, „od 2. června 1969“; rok po „od“ chce
# „roku“: „od roku 1960“. Samotné { $since } je datum v 1. pádě („červen 2014“).

kind-twinning = partnerství měst
kind-partnership = partnerská spolupráce
kind-friendship = přátelství
suspended-since = pozastaveno od { $date }
# Kdy byl vztah uzavřen: $date a $ago z CLDR („před 57 lety“, „letos“).
formalised-when = { $date } ({ $ago })
# Rok před letošním, letošní a příští: „(loni)“, „(letos)“; jinak slova CLDR.
year-relative = { $diff ->
    [1] loni
    [0] letos
   *[other] { $cldr }
}
# Za názvem partnera v seznamech: „🇩🇪 Německo — partnerství měst, 2. června 1969“.
partner-line = { $flag } { $country } — { $kind }, { $since }
# V závorce za řádkem partnera, když má seznam víc domovských měst.
partner-line-with = s městem { $home }
did-you-mean = Nemyslíš { $names }?
data-footer = twinbot · data: { $files } · aktualizováno { $updated }
data-footer-undated = twinbot · data: { $files }
# Odkud pocházejí data města vytvořeného v Discordu, místo názvu souboru.
data-own-town = vlastní město tohoto serveru
# Pod kartou, když některé texty partnera ještě nejsou přeložené.
untranslated = Některé texty jsou uvedené tak, jak je napsali autoři dat: překlad zatím nemají.

## Chyby, které může hlásit každý příkaz

error-title = Nepovedlo se
error-unknown-command = Příkaz /{ $command } neznám.
error-removed = Možná byl odstraněn: příkazy, které mám, ti ukáže { $about }.
error-internal = Při odpovídání se něco pokazilo. Zkus to prosím za chvíli znovu.
error-unreadable = twinbot nedokázal přečíst, co Discord poslal. Zkus to za chvíli znovu; pokud se to bude opakovat, dej vědět tomu, kdo bota provozuje.
error-no-option = { $command } nemá možnost { $option }.
error-option-needed = { $command } vyžaduje možnost { $option }: { $what }.
error-out-of-range = { $option } musí být od { $min } do { $max }; { $value } mezi ně nepatří.
error-not-text = { $option } musí být text.
error-not-number = { $option } musí být celé číslo.
error-not-boolean = { $option } musí být true nebo false.
error-not-channel = { $option } musí být kanál.
error-not-role = { $option } musí být role.
error-not-file = { $option } musí být soubor.
moderators-only-title = Jen pro moderátory
moderators-only = { $command } je pro moderátory: vyžaduje v tomto kanálu oprávnění „{ $permission }“. Požádej moderátora tohoto serveru.
server-only-title = Jen na serveru
server-only = { $command } funguje v kanálech serveru, ne v přímých zprávách.
# Název oprávnění, jak ho ukazuje nastavení Discordu.
permission-manage-messages = Spravovat zprávy
# Jak ho nazývá nastavení serveru v Discordu.
permission-manage-server = Spravovat server
needs-permission-to-post = Ke zveřejnění oznámení v kanálu { $channel } v něm potřebuješ oprávnění „{ $permission }“.
needs-permission-to-schedule = Aby se výročí zveřejňovala v kanálu { $channel }, potřebuješ v něm oprávnění „{ $permission }“.
cannot-post = twinbot sem nemůže nic zveřejnit: potřebuje k tomu token bota a tato instalace ho nemá. Požádej toho, kdo twinbot provozuje, aby ho nastavil.
files-need-token = Soubor odtud nelze odeslat: k odesílání souborů je potřeba token bota a tato instalace žádný nemá. Požádej toho, kdo twinbot provozuje, aby ho nastavil.

## /partner

field-country = Země
field-link = Vztah
field-formalised = Uzavřeno
field-status = Stav
field-roots = Počátky
field-areas = Oblasti spolupráce
field-timeline = Časová osa
field-groups = Spolky a skupiny
field-aliases = Jiné názvy
field-notes = Poznámky
field-sources = Zdroje
partner-status = { $suspended }: viz poznámky.
partner-also-home = { $partner } je tu zároveň domovským městem: { $command } ukáže i jeho partnerská města, mezi nimi { $home }.
partner-empty = Napiš název partnerského města, třeba { $example }.
partner-another-name = „{ $query }“ je jiný název pro { $partner }.
partner-showing = Výsledek pro „{ $query }“: { $partner }.
partner-country-title = { $home }: partnerská města — { $country }
partner-country-hint = Celý příběh ti ukáže { $command } s jedním z těchto názvů.
partner-home-title = { $home } je domovské město
partner-is-home = { $home } je tu domovské město: twinbot ti povídá o jeho partnerských městech.
partner-part-of-home = { $place } je součástí města { $home }, domovské strany těchto partnerství, ne partnerské město.
partner-own-links = { $count ->
    [one] { $place } má i vlastní partnerské město: { $links }. Jeho příběh ti ukáže { $command }.
   *[other] { $place } má i vlastní partnerská města: { $links }. Příběh prvního z nich ti ukáže { $command }.
}
partner-own-link = { $name } ({ $kind } od { PRECISION($since) ->
        [year] roku { $since }
       *[other] { GENITIVE($since) }
    })
partner-try-one-of = Zkus některý z názvů: { $names }.
partner-none-title = Partnerské město nenalezeno
partner-none = Dotazu „{ $query }“ neodpovídá žádné partnerské město ({ $home }).
partner-try-field = Zkus některé z partnerských měst ({ $home })
partner-choice = { $name } ({ $country })
partner-choice-with = { $name } ({ $country }) – s městem { $home }

## /since

since-needs-year = { $command } potřebuje rok.
since-swapped = { $until } ({ $to }) je dřív než { $year } ({ $from }): pro výpis let { $to }–{ $from } je prohoď.
since-title-in = { $home }: partnerství z roku { $from }
since-title-range = { $home }: partnerství z let { $from }–{ $to }
since-title-since = { $home }: partnerství od roku { $from }
since-none-in = V roce { $from } nebylo uzavřeno žádné partnerství.
since-none-range = Od roku { $from } do roku { $to } nebylo uzavřeno žádné partnerství.
since-none-since = V roce { $from } ani později nebylo uzavřeno žádné partnerství.
since-newest = Nejnovější je { $name } ({ $kind }, { $since }).
# „partnerství“ má ve všech číslech stejný tvar: 1, 2, 5 partnerství.
since-count = { $count } partnerství.

## /partners

partners-title = { $home }: partnerská města ({ $count })
partners-hint = Celý příběh ti ukáže { $command } s názvem města.

## /anniversaries a řádky o výročích

anniversaries-calendar-note = 📅 Soubor kalendáře je přiložen: importuj ho do své kalendářové aplikace; další import události aktualizuje, nezdvojí je.
anniversaries-calendar-file = Soubor kalendáře s výročími: { $home }
# Za názvem a vlajkou partnera: „60. výročí“.
anniversary-number = { $ordinal } výročí
anniversary-milestone = ★ jubileum
# Za nadpisem: „2. června 2029 (partnerství měst od 2. června 1969)“, „(… od června 2014)“,
# „(… od roku 1960)“.
anniversary-when = { $date } ({ $kind } od { PRECISION($since) ->
        [year] roku { $since }
       *[other] { GENITIVE($since) }
    })
anniversaries-upcoming-title = { $home }: nejbližší výročí
anniversaries-upcoming-none = U žádného partnerství neznáme měsíc ani den, od kterého by se dalo počítat.
anniversaries-next-title = { $count ->
    [one] { $home }: { $count } nejbližší výročí
    [few] { $home }: { $count } nejbližší výročí
   *[other] { $home }: { $count } nejbližších výročí
}
anniversaries-year-title = { $home }: výročí v roce { $year }
anniversaries-year-none = V roce { $year } ještě žádné partnerství netrvalo aspoň rok.
anniversaries-milestones = { $count ->
    [0] V roce { $year } žádné jubileum.
    [one] { $count } jubileum v roce { $year }.
    [few] { $count } jubilea v roce { $year }.
   *[other] { $count } jubileí v roce { $year }.
}

## /announce

announce-no-match = Dotazu „{ $query }“ neodpovídá žádné partnerské město.
announce-which-title = Které partnerské město?
announce-which = Zadej jedno partnerské město: { $names }.
announce-suspended = Spojení s městem { $partner } ({ $kind }) je { $suspended }, proto se jeho výročí neoznamují. Důvod uvádějí poznámky v { $command }.
announce-too-early = Spojení s městem { $partner } ({ $kind }) trvá od { PRECISION($since) ->
        [year] roku { $since }
       *[other] { GENITIVE($since) }
    }, první výročí proto připadne na rok { $year }.
announce-title = { $partner }: { $ordinal } výročí
announce-preview-title = Náhled · { $title }
announce-terminal-footer = Jen náhled: ke zveřejnění použij { $command } na serveru Discordu.
announce-would-post-in = Bylo by zveřejněno v kanálu
announce-preview-footer = Jen náhled: nic nebylo zveřejněno. Ke zveřejnění spusť { $command } bez { $preview }.
announce-posting-title = Zveřejňuji · { $title }
announce-posting = Zveřejňuji v kanálu { $channel }…
announce-posted-title = Oznámení zveřejněno
announce-posted = Zveřejněno v kanálu { $channel }.
announce-posted-link = Zveřejněno v kanálu { $channel }: { $link }.
announce-see-message = zobrazit zprávu
announce-not-posted = Nezveřejněno
# $reason je stav, zpráva a kód přímo od Discordu: „403 Missing Permissions (code 50013)“.
announce-refused = Discord zveřejnění odmítl: { $reason }.
announce-refused-permissions = Dej botovi v tom kanálu oprávnění „Zobrazit kanál“, „Odesílat zprávy“ a „Číst historii zpráv“.
announce-refused-access = Bot ten kanál nevidí: dej mu tam oprávnění „Zobrazit kanál“.
announce-refused-channel = Ten kanál už neexistuje: vyber jiný kanál.
announce-refused-events = Dej twinbotovi oprávnění „Vytvářet události“ (Nastavení serveru › Role).
# $reason jsou slova sítě nebo Discordu.
announce-failed = Příspěvek se nepodařilo odeslat: { $reason }.

## /home

home-not-changed = Domovské město nezměněno
home-unknown = twinbot nezná domovské město „{ $query }“.
home-knows = twinbot zná tato domovská města: { $homes }.
home-title = Domovská města
home-saved-title = Domovská města uložena
home-every = Příkazy tu platí pro všechna domovská města: { $homes }.
home-answers = Příkazy tu platí pro { $homes }: /partnerské-město, /od-roku, /partnerská-města, /výročí, /oznámit a příspěvky k výročím.
home-terminal = Každý server si volí sám příkazem /domovské-město v Discordu a výchozí hodnotu nastavuje discord.home v config.toml. Tady v terminálu přidej k příkazu --home NAME a odpoví jen o jednom domovském městě.
home-known-field = Domovská města, která twinbot zná
home-partners-field = Partnerská města: { $homes }
home-partner-count = { $count ->
    [one] { $home }: { $count } partnerské město
    [few] { $home }: { $count } partnerská města
   *[other] { $home }: { $count } partnerských měst
}
home-save-failed = Domovská města se nepodařilo uložit: { $error }

## /about

about-title = O twinbotu
about-intro = twinbot odpovídá na otázky o partnerských městech ({ $homes }): celkem { $count } partnerství. Názvy piš, jak chceš: s překlepy, v jiném jazyce nebo písmu.
about-data-field = Data
about-data-line = { $home }: { $file }, aktualizováno { $updated }
about-data-line-undated = { $home }: { $file }
about-sources = Zdroje každého partnerského města najdeš u něj v { $command }.
about-places-field = Zeměpisné názvy
about-places = Skupiny zakládají soubory svých měst ze světového místopisného rejstříku twinbotu: { $geonames } (města s 15 000 a více obyvateli a jejich názvy ve všech písmech), CC BY 4.0.
about-commands-field = Příkazy
about-languages-field = Jazyky
about-languages = twinbot odpovídá v jazyce tvého Discordu, pokud ho umí: { $languages }.

## /anniversary-settings

settings-not-saved = Nastavení neuloženo
settings-save-failed = Nastavení se nepodařilo uložit: { $error }
settings-conflict = Mezitím došlo ke změně { $fields } ({ $who }, { $day } v { $time } UTC), a proto se nic neuložilo. Podívej se znovu na nastavení a svou změnu zopakuj.
settings-conflict-someone = někdo
settings-not-a-time = „{ $value }“ není čas dne: napiš HH:MM ve 24hodinovém formátu, třeba 09:00 nebo 18:30.
settings-not-a-timezone = „{ $value }“ není časové pásmo IANA.
settings-pick-timezone = Během psaní vyber pásmo ze seznamu.
settings-not-a-day = „{ $value }“ není den v roce: napiš MM-DD, třeba 01-01 pro 1. ledna.
settings-not-a-language = „{ $value }“ není jazyk, ve kterém twinbot zveřejňuje: vyber jeden z těchto: { $languages }.
settings-template-not-saved = Šablona nebyla uložena: { $error }.
# $placeholders je seznam zástupných symbolů, např. {partner}; $open a $close jsou {{ a }}.
settings-placeholders = Zástupné symboly: { $placeholders }; složené závorky piš jako { $open } a { $close }.
settings-everyone = To je role @everyone: twinbot nikdy nezmiňuje všechny. Vyber roli, kterou si členové mohou sami přidat.
settings-choose-channel = Vyber kanál pro příspěvky: { $example }
settings-title-config = Příspěvky k výročím (config.toml)
settings-title-server = Příspěvky k výročím na tomto serveru
settings-title-saved = Nastavení výročí uloženo
settings-on = Zapnuto, v kanálu { $channel }
settings-off-kept = Vypnuto (kanál { $channel } zůstává uložený). Zapneš je takto: { $example }.
settings-off = Vypnuto. Zapneš je výběrem kanálu: { $example }
settings-time-value = { $time } { $zone } (dnes je to { $utc } UTC)
settings-role-only = Jen { $role } (nikdy @everyone ani @here)
settings-role-none = Žádná: příspěvky nikoho nezmiňují
settings-template-default = Výchozí šablona – { $language }
settings-language-default = { $language } (jazyk serveru)
settings-field-posts = Automatické příspěvky
settings-field-time = Čas
settings-field-digest = Den souhrnu
settings-field-role = Zmiňovaná role
settings-field-language = Jazyk příspěvků
settings-field-reminders = Připomínky moderátorům
settings-reminders-on = { $days ->
    [one] { $days } den
    [few] { $days } dny
   *[other] { $days } dní
} předem, v kanálu { $channel }
settings-reminders-off = Vypnuto
settings-reminders-need-both = Připomínky potřebují obojí, kolik dní předem i kanál, kam půjdou: { $example }
settings-field-events = Události serveru
settings-events-off = Vypnuto. { $example } vytvoří ke každému nadcházejícímu výročí událost serveru, u které členové můžou zvolit „Mám zájem“.
settings-events-on = Ke každému výročí, { $days ->
    [one] { $days } den
    [few] { $days } dny
   *[other] { $days } dní
} předem
settings-events-on-milestones = K jubileím, { $days ->
    [one] { $days } den
    [few] { $days } dny
   *[other] { $days } dní
} předem
settings-events-no-permission = ⚠️ twinbot tu nemůže vytvářet události: dej mu oprávnění „Vytvářet události“ (Nastavení serveru › Role).
settings-event-made = 📅 { $name } · { $when }
settings-event-coming = ⏳ { $name } · { $when } (bude vytvořena)
settings-event-deleted = 🗑️ { $name } · smazána v Discordu, znovu se nevytvoří
settings-events-more = { $count ->
    [one] Do té doby připadá ještě { $count } výročí: twinbot drží najednou jen svých { $max } nejbližších událostí.
    [few] Do té doby připadají ještě { $count } výročí: twinbot drží najednou jen svých { $max } nejbližších událostí.
   *[other] Do té doby připadá ještě { $count } výročí: twinbot drží najednou jen svých { $max } nejbližších událostí.
}
anniversaries-event = událost
settings-field-template = Šablona
settings-field-next = Další příspěvky
settings-field-problems = Problémy
settings-field-recent = Nedávno zveřejněno
settings-saved-on = Uloženo pro tento server, { $date }
settings-from-config = Z config.toml ([anniversaries])
settings-defaults = Výchozí hodnoty: zatím nic neuloženo
# „výročí“ má ve všech číslech stejný tvar: 1, 2, 5 výročí.
settings-digest-of = souhrn za rok { $year }: { $count } výročí
settings-problem = ⚠️ { $key } · naplánováno na { $due } · { $state }
problem-refused = odmítnuto, zkusí se znovu (pokus { $attempts } z { $max })
problem-failed = selhalo, zkusí se znovu (pokus { $attempts } z { $max })
problem-gave-up = { $attempts ->
    [one] nezveřejněno po { $attempts } pokusu
   *[other] nezveřejněno po { $attempts } pokusech
}
problem-missed = zmeškáno, když twinbot neběžel
# V závorce za příspěvkem, který vyšel pozdě.
settings-belated = opožděně

## Šablony oznámení

template-unknown = neznámý zástupný symbol { $placeholder } na pozici { $at }; zástupné symboly jsou { $placeholders }
template-unclosed = závorka { $open } na pozici { $at } není uzavřená: napiš { $example }, nebo pro doslovnou závorku { $double }
template-unopened = závorka { $close } na pozici { $at } nemá otevírací { $open }: pro doslovnou závorku napiš { $double }
template-empty = šablona je prázdná
template-too-long = oznámení pro { $partner } by mělo { $length } { $length ->
    [one] znak
    [few] znaky
   *[other] znaků
}, víc než { $max }, které oznámení smí mít (Discord povoluje ve zprávě { $limit }; zbytek je vyhrazen pro zmínku role a poznámku o zpoždění): zkrať šablonu

## Příspěvky

# Vestavěné oznámení. Proměnné: $ordinal (60.), $kind (partnerství měst), $home a $partner
# (názvy měst: jen v 1. pádě), $country, $since (2. června 1969), $years (60),
# $date (datum výročí).
post-default = 🎉 Dnes slavíme { $ordinal } výročí! Města { $home } a { $partner } ({ $country }) spojuje { $kind } už od { PRECISION($since) ->
        [year] roku { $since }
       *[other] { GENITIVE($since) }
    }.
post-digest-title = { $home }: výročí v roce { $year }
post-digest-intro = { " " }(partnerství známá jen podle roku):
post-digest-line = { $kind } s městem { $home } od roku { $since }
post-digest-more = { $count ->
    [one] … a { $count } další.
    [few] … a { $count } další.
   *[other] … a { $count } dalších.
}
schedule-anniversary = { $name }: { $ordinal } výročí ({ $date })
schedule-milestone = jubileum
# Výročí v plánovacích seznamech (souhrn, další příspěvky): „Amiens (69. výročí)“.
anniversary-brief = { $name } ({ $ordinal } výročí)
anniversary-brief-milestone = { $name } ({ $ordinal } výročí, jubileum)
schedule-digest = souhrn za rok { $year }: { $names }
reminder = { $ordinal } výročí partnerství s městem { $name } bude { $days ->
    [1] zítra
    [few] za { $days } dny
   *[other] za { $days } dní
} ({ $date })
schedule-reminder = připomínka: { $reminder }
schedule-event = událost serveru: { $name } (vytvoří se { $made })
post-belated = Opožděně: příspěvek měl vyjít { $date } v { $time } ({ $zone }), ale twinbot tehdy neběžel.

## Kalendáře (soubory iCalendar s výročími)

calendar-name = { $home }: výročí partnerství
calendar-summary = { $partner } – { $ordinal } výročí ({ $kind }, { $home })
calendar-day-unknown = Známe jen měsíc ({ $month }): kalendář ukazuje toto výročí prvního dne v měsíci.
calendar-month-unknown = Známe jen rok ({ $year }): kalendář ukazuje toto výročí 1. ledna.
calendar-source = Zdroj: { $url }
event-name = { $home } ↔ { $partner }: { $ordinal } výročí
event-location = { $home }, { $homecountry } ↔ { $partner }, { $partnercountry }

## /časová-osa

timeline-next = { $ordinal } · { $year }
timeline-kind-year = { $kind } · { $year }
cover-number = { $ordinal }
timeline-title = { $home }: partnerství v průběhu let
timeline-key-formalised = uzavřeno
timeline-key-milestone = obnovení a dohody
timeline-key-next = nejbližší jubileum
# „partnerství“ má ve všech pádech množného čísla stejný tvar: 1, 3 i 7 partnerství.
timeline-alt = Časová osa { $count } partnerství ({ $home }), od nejstaršího, s vyznačenými nejbližšími jubilei.
timeline-empty = Město { $home } zatím nemá v datech žádná partnerská města.
timeline-more = Bez vlastního řádku (obrázek jich pojme { $count }): { $names }

## /mapa

map-title = Partnerská města: { $home }
map-key-home = domovské město
map-alt = { $count ->
    [one] Mapa partnerského města ({ $home }), spojeného se svým městem nejkratší cestou po zeměkouli.
   *[other] Mapa { $count } partnerských měst ({ $home }), každé spojené se svým městem nejkratší cestou po zeměkouli.
}
map-unplaced = Nejsou na mapě (data nemají souřadnice): { $names }
map-unlabelled = Příliš blízko u sebe, než aby se daly na mapě popsat: { $names }
map-credit = Pevnina: Natural Earth
map-no-coordinates = Data zatím nemají souřadnice města { $home }, mapu proto nelze nakreslit.

## Tlačítka a formuláře (všech příkazů)

button-cancel = Zrušit
pending-gone-title = Tohle už skončilo
pending-gone = Toto tlačítko už nic nedělá. Použij příkaz znovu.
pending-expired = Platnost vypršela: tlačítka a formuláře fungují 15 minut. Použij příkaz znovu.
pending-done = Tohle už je hotové.
pending-not-yours-title = Není pro tebe
pending-not-yours = Tlačítka a formuláře příkazu může použít jen ten člen, který příkaz zadal.

## /město

# $commands vyjmenuje podpříkazy: „/město vytvořit, /město přidat nebo /město vrátit-zpět“.
town-choose = Vyber, co chceš udělat: { $commands }.
town-off-title = Vlastní města jsou vypnutá
town-off = Ten, kdo tento twinbot provozuje, příkaz /město vypnul.
town-none-title = Zatím žádné město
town-none = Tento server zatím nemá vlastní město. Vytvoř ho příkazem { $create }.
town-exists-title = Tento server už město má
town-exists = Městem tohoto serveru už je { $town }. Chceš-li začít znovu, nejdřív ho smaž příkazem { $delete }.
town-world-missing-title = Chybí seznam měst světa
town-world-missing = Tento twinbot nemůže načíst svůj seznam měst světa, takže tu nejde vytvářet města ani do nich přidávat. Ten, kdo twinbot provozuje, to může opravit.
town-not-found-title = Město nenalezeno
town-not-found = V seznamu měst světa není žádné město { $query }.
# $places: „Brno (CZ), Bruno (IT) nebo Brod (CZ)“.
town-did-you-mean = Nemyslíš { $places }?
town-created-title = Město vytvořeno
town-created = { $town } je teď vlastní město tohoto serveru: příkazy tady platí pro něj. Partnerská města mu přidáš příkazem { $add }.
# $took je vybrané město, $others ostatní města téhož jména, $country možnost, která vybere jiné.
town-others = Víc měst se jmenuje { $name }, proto bylo vybráno to nejlidnatější: { $took }. Ostatní: { $others }. Pokud máš na mysli některé z nich, smaž toto město a vytvoř ho znovu s možností { $country }.
town-facts-field = Ze seznamu měst světa
# Žije tam $count lidí.
town-people = { $count ->
    [one] { $count } obyvatel
    [few] { $count } obyvatelé
   *[other] { $count } obyvatel
}
town-add-form-title = Partnerství: { $city }
town-add-summary = Shrnutí
town-add-summary-placeholder = Několika vlastními větami: jak vztah vznikl a co se v něm děje.
town-add-roots = Počátky (nepovinné)
town-add-roots-placeholder = Dřívější kontakty, například školní výměny v 50. letech
town-add-notes = Poznámky (nepovinné)
town-add-notes-placeholder = V čem se tvé zdroje rozcházejí
town-add-milestone = První záznam na časové ose (nepovinné)
town-add-milestone-placeholder = Smlouva podepsaná na radnici
town-field-source = Zdroj
town-date-invalid = { $value } není datum. Napiš ho ve tvaru RRRR-MM-DD, třeba 1969-06-02.
town-kind-invalid = { $value } není druh vztahu. Vyber jeden z druhů: partnerství měst, partnerská spolupráce, přátelství.
town-source-invalid = { $value } není webová adresa. Napiš celou adresu, začínající https://.
town-added-title = Partnerské město přidáno
town-added = { $partner } je teď partnerem města { $town } (uzavřeno: { $since }).
town-summary-field = Shrnutí
town-edit-form-title = { $city }: texty
town-edit-areas = Oblasti (jedna na řádek, nepovinné)
town-edit-areas-placeholder = Čemu se vztah věnuje, například vzdělávání a výměny
town-edited-title = Uloženo
town-edited = Texty partnerského města { $partner } jsou uložené. Jeho data, druh a zdroje můžeš změnit v dalším kroku, pokud je potřeba.
button-more-facts = Data a zdroje…
button-try-again = Zkusit znovu
town-facts-form-title = { $city }: data a zdroje
town-facts-year = Rok uzavření
town-facts-year-placeholder = 1969
town-facts-date = Datum, nebo měsíc (RRRR-MM-DD nebo RRRR-MM)
town-facts-date-placeholder = 1969-06-02, nebo 1969-06, nebo prázdné, když je znám jen rok
town-facts-kind = Druh (např. partnerství měst, přátelství)
town-facts-kind-placeholder = partnerství měst
town-facts-suspended = Pozastaveno od (RRRR-MM-DD, nepovinné)
town-facts-suspended-placeholder = Prázdné, dokud výměny pokračují
town-facts-sources = Zdroje (jedna webová adresa na řádek)
town-facts-sources-placeholder = https://…
town-facts-saved = Data, druh a zdroje partnerského města { $partner } jsou uložené.
town-year-invalid = { $value } není rok: napiš čtyři číslice, od 1000 do 9999.
# $language je název jazyka: „němčina“.
town-translate-form-title = { $city }: texty ({ $language })
town-translated-title = Překlad uložen
town-translated = Texty partnerského města { $partner } ({ $language }) jsou uložené.
town-translation-removed = Texty partnerského města { $partner } ({ $language }) jsou odstraněné: čtenáři v tomto jazyce teď uvidí původní texty města.
town-translate-name = Název ({ $language }, nepovinné)
town-translate-name-placeholder = Když zůstane prázdné, platí { $city }
town-name-saved = Název partnerského města { $partner } ({ $language }) je teď { $name }.
town-name-removed = Název partnerského města { $partner } ({ $language }) je odstraněný: čtenáři v tomto jazyce teď uvidí původní název.
town-translation-none = Pro partnerské město { $partner } ({ $language }) se nic neuložilo.
town-language-own = Data města už jsou napsaná v tomto jazyce ({ $language }): texty změníš příkazem { $edit }.
town-not-saved-title = Neuloženo
town-is-home = { $city } je přímo město tohoto serveru: město nemůže být partnerem samo sobě.
# $as je název, pod kterým město partnera vede.
town-duplicate = Město { $town } už partnera { $partner } má, a to pod názvem { $as }.
town-no-partner-title = Partnerské město nenalezeno
town-no-partner = Město { $town } nemá žádného partnera { $query }.
town-too-many-partners = Město může mít nejvýše { $limit ->
    [one] { $limit } partnerské město
    [few] { $limit } partnerská města
   *[other] { $limit } partnerských měst
}.
town-too-many-milestones = Partnerství může mít na časové ose nejvýše { $limit ->
    [one] { $limit } záznam
    [few] { $limit } záznamy
   *[other] { $limit } záznamů
}.
town-too-many-sources = Partnerství může uvádět nejvýše { $limit ->
    [one] { $limit } zdroj
    [few] { $limit } zdroje
   *[other] { $limit } zdrojů
}.
town-too-big = Data města smějí mít nejvýše { $limit ->
    [one] { $limit } bajt
    [few] { $limit } bajty
   *[other] { $limit } bajtů
}.
town-too-long = { $field }: nejvýše { $limit ->
    [one] { $limit } znak
    [few] { $limit } znaky
   *[other] { $limit } znaků
}.
town-invalid = Nic se nezměnilo. Data města by neprošla kontrolami twinbotu:
town-remove-title = Odebrat { $partner }?
town-remove-confirm = { $partner } přestane být partnerem města { $town } a výročí tohoto partnerství se nebudou zveřejňovat. { $undo } ho vrátí.
button-remove = Odebrat
town-removed-title = Partnerské město odebráno
town-removed = { $partner } už není partnerem města { $town }. { $undo } ho vrátí.
town-cancelled-title = Nic se nezměnilo
town-cancelled = Nic se nezměnilo.
town-history-title = Historie města { $town }
town-history-how-field = Vrácení zpět
town-history-undo = { $undo } vrátí zpět poslední změnu; každým dalším použitím jde o krok dál do minulosti.
town-by-operator = provozovatel twinbotu
town-change-created = vytvořeno město { $home }
town-change-added = přidáno partnerské město { $partner }
town-change-edited = upraveno partnerské město { $partner }
# $language je název jazyka: „němčina“.
town-change-translated = přeloženo partnerské město { $partner } ({ $language })
town-change-removed = odebráno partnerské město { $partner }
town-change-undid = vráceno zpět: { $what }
town-change-deleted = smazáno město
town-change-other = změněno město novější verzí twinbotu
town-undo-title = Není co vrátit
town-nothing-to-undo = Není nic dřívějšího, co by šlo vrátit: takhle město vypadalo, když vzniklo.
town-undone-title = Vráceno zpět
town-undone = Vráceno zpět: { $what }. Dalším použitím { $undo } se vrátíš ještě dál.
town-delete-title = Smazat { $town }?
town-delete-confirm = Příkazy tohoto serveru už nebudou platit pro město { $town } a výročí jeho partnerství se nebudou zveřejňovat. Historie se uchová { $days ->
    [one] { $days } den
    [few] { $days } dny
   *[other] { $days } dní
} a do té doby ho { $undo } vrátí.
button-delete = Smazat
town-deleted-title = Město smazáno
town-deleted = { $town } už není městem tohoto serveru. Historie se uchová { $days ->
    [one] { $days } den
    [few] { $days } dny
   *[other] { $days } dní
} a do té doby ho { $undo } vrátí.
town-export-title = Soubory města { $town }
town-exported = V příloze najdeš město { $town } a { $count ->
    [one] jeho partnerské město
    [few] jeho { $count } partnerská města
   *[other] jeho { $count } partnerských měst
}: soubor TOML obsahuje všechna jeho data ve formátu datových souborů twinbotu, soubor CSV jeho partnerská města pro tabulkový procesor. Kterýkoli z nich uprav a nahraj zpět příkazem { $import }.
town-export-toml = { $town }: všechna data (TOML)
town-export-csv = { $town }: partnerská města pro tabulkový procesor (CSV)
town-import-no-file = Přilož soubor, který chceš importovat: soubor TOML nebo CSV, jaký vytváří export.
town-import-reading-title = Načítám { $file }…
town-import-title = Importovat { $file }?
town-import-preview = Import souboru { $file } by ve městě { $town } provedl tyto změny. Dokud neklikneš na „Importovat“, nic se nezmění.
town-import-same = { $file } obsahuje město { $town } přesně v současné podobě: není co importovat.
town-import-added = { $count ->
    [one] Přidáno partnerské město
    [few] Přidána { $count } partnerská města
   *[other] Přidáno { $count } partnerských měst
}
town-import-removed = { $count ->
    [one] Odebráno partnerské město
    [few] Odebrána { $count } partnerská města
   *[other] Odebráno { $count } partnerských měst
}
town-import-changed = { $count ->
    [one] Změněno partnerské město
    [few] Změněna { $count } partnerská města
   *[other] Změněno { $count } partnerských měst
}
# Poslední položka zkráceného seznamu názvů: „Amiens, Brno a 12 dalších“.
town-import-more = { $count ->
    [one] { $count } další
    [few] { $count } další
   *[other] { $count } dalších
}
town-import-home = Samotné město
town-import-home-changed = Mění se i jeho vlastní údaje: název, popis, jiné názvy nebo poloha.
button-import = Importovat
town-imported-title = Importováno
town-imported = Hotovo: { $what }. { $undo } to vrátí zpět.
town-import-refused-title = Soubor { $file } nebyl importován
import-wrong-kind = Importovat lze jen soubory TOML (.toml) a CSV (.csv), jaké vytváří export.
import-not-discord = Soubor musí být přiložený v Discordu; tento je na { $host }.
import-redirected = Adresa souboru přesměrovala twinbot na { $host }, což není Discord.
import-content-type = Soubor je typu { $type }, ne text.
import-timeout = Soubor nedorazil do { $seconds ->
    [one] { $seconds } sekundy
   *[other] { $seconds } sekund
}. Zkus to za chvíli znovu.
import-unreachable = Discord soubor nepředal. Zkus to za chvíli znovu.
import-too-big = Soubor má { $size } kB; importovat lze nejvýše { $limit } kB.
import-not-text = Soubor není prostý text (UTF-8). Ulož ho jako text v UTF-8 a zkus to znovu.
import-too-deep = Řádek { $line }: závorky nebo názvy s tečkami jsou vnořené víc než { $limit ->
    [one] { $limit } úroveň
    [few] { $limit } úrovně
   *[other] { $limit } úrovní
} hluboko, a to žádné město nepotřebuje.
import-csv-needs-town = Soubor CSV mění partnerská města, ale tento server zatím nemá žádné město. Vytvoř ho příkazem { $create }, nebo importuj soubor TOML.
import-unknown-column = Řádek { $line }: { $column } mezi sloupce města nepatří. Možné sloupce: { $known }.
import-no-name-column = První řádek musí pojmenovat sloupce a jeden z nich se musí jmenovat „name“.
import-formula = Řádek { $line }, sloupec { $column }: { $text } začíná jako vzorec tabulkového procesoru a vzorce se nikdy neimportují. Pokud to má být text, dej před to znak '.
import-bad-cell = Řádek { $line }, sloupec { $column }: { $text } není platná hodnota pro tento sloupec; platná je například { $example }.
import-twice = Řádek { $line }: { $partner } je v seznamu dvakrát.
import-csv = Řádek { $line }: nejde o správně utvořený soubor CSV ({ $why }).
# $file je název souboru; ostatní proměnné počítají partnerská města.
town-change-imported = importován soubor { $file } (přidáno: { $added }, odebráno: { $removed }, změněno: { $changed })
town-calendar-title = Kalendář města { $town }
town-calendar-address = Na této adrese můžou kalendářové aplikace odebírat výročí města { $town }. Kdo ji zná, může kalendář číst, takže ji sdílej jen se svou skupinou. Pokud se dostane k dalším lidem, { $renew } vytvoří novou.
town-calendar-renewed = Kalendář města { $town } má novou adresu: stará už nefunguje. Kdo ho odebíral, potřebuje tuhle.
town-calendar-off-title = Tady kalendáře nejsou
town-calendar-off = Tento twinbot odběr kalendářů nenabízí. Ten, kdo ho provozuje, ho může zapnout.
town-slow-down-title = Zpomal
town-slow-down = Tento server v krátké době mnohokrát změnil své město. Zkus to znovu za { $seconds ->
    [one] { $seconds } sekundu
    [few] { $seconds } sekundy
   *[other] { $seconds } sekund
}.
# $who je člen a den: „@Anna, 6. prosince 2026“.
town-conflict = Neuloženo: město tohoto serveru se mezitím změnilo ({ $what } – { $who }). Podívej se na něj znovu a zkus to ještě jednou.

## Odpovědi přes vlastní účet člena

# První řádek odpovědi, kterou Discord ukáže jen členovi: ten si twinbot přidal ke svému účtu,
# server, kde ho použil, ho přidaný nemá a člen tam nemá oprávnění „Používat externí aplikace“
# (název, jak ho nejspíš ukazuje nastavení Discordu; v českém klientu neověřeno).
external-apps-only-you = Tohle vidíš jen ty: twinbot máš přidaný ke svému účtu, ne na tomto serveru, a nemáš tu oprávnění „Používat externí aplikace“, takže Discord jeho odpovědi ukazuje jen tobě.
