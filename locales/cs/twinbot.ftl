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
anniversaries-description = Výročí partnerství v daném roce, s vyznačenými kulatými výročími
anniversaries-year = rok
anniversaries-year-description = Rok (výchozí: letošní)
anniversaries-upcoming = nejbližší
anniversaries-upcoming-description = Místo toho tolik nejbližších výročí s datem, počínaje dneškem

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

home = domovské-město
home-description = Zobrazit nebo zvolit domovské město, za které odpovídají příkazy tohoto serveru (moderátoři)
home-city = město
home-city-description = Odpovídat jen za toto domovské město
home-add = přidat
home-add-description = Odpovídat i za toto domovské město
home-all = všechna
home-all-description = Odpovídat za všechna domovská města, která twinbot zná

about = o-botovi
about-description = Co je twinbot, odkud má data a jaké má příkazy
