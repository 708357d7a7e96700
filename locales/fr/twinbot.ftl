# twinbot en français. Commandes : noms (en minuscules, 32 caractères au plus, sans espace) et
# descriptions (100 caractères au plus), avec les mots du client Discord en français.

partner = ville-partenaire
partner-description = Tout sur une ville partenaire
partner-city = ville
partner-city-description = La ville partenaire, dans n’importe quelle orthographe ou langue

since = depuis
since-description = Les partenariats conclus une année donnée ou après
since-year = année
since-year-description = La première année incluse
since-until = jusqu'en
since-until-description = La dernière année incluse (par défaut : sans limite)

partners = villes-partenaires
partners-description = Toutes les villes partenaires, du plus ancien partenariat au plus récent

anniversaries = anniversaires
anniversaries-description = Les anniversaires des partenariats d’une année, anniversaires marquants signalés
anniversaries-year = année
anniversaries-year-description = L’année (par défaut : cette année)
anniversaries-upcoming = prochains
anniversaries-upcoming-description = À la place, les prochains anniversaires datés, à partir d’aujourd’hui
anniversaries-calendar = calendrier
anniversaries-calendar-description = Les joindre aussi en fichier de calendrier (.ics) pour les applis d’agenda

timeline = frise
timeline-description = Une image des partenariats au fil des années, prochains anniversaires marquants signalés
map = carte
map-description = Une carte des villes partenaires, chacune reliée à sa ville par le plus court chemin

announce = annoncer
announce-description = Publier l’annonce de l’anniversaire d’un partenariat (modérateurs)
announce-city = ville
announce-city-description = La ville partenaire
announce-channel = salon
announce-channel-description = Où la publier (par défaut : ce salon)
announce-preview = aperçu
announce-preview-description = Ne la montrer qu’à toi, sans la publier

anniversary-settings = paramètres-anniversaires
anniversary-settings-description = Voir ou modifier les publications automatiques d’anniversaires de ce serveur (modérateurs)
anniversary-settings-channel = salon
anniversary-settings-channel-description = Publier les anniversaires dans ce salon (active les publications)
anniversary-settings-time = heure
anniversary-settings-time-description = Heure locale de publication, HH:MM (par défaut 09:00)
anniversary-settings-timezone = fuseau-horaire
anniversary-settings-timezone-description = Fuseau horaire IANA, comme Europe/Paris (par défaut : Europe/London)
anniversary-settings-template = modèle
anniversary-settings-template-description = Texte de l’annonce avec {"{"}partner{"}"}, {"{"}ordinal{"}"}… ; « default » rétablit celui par défaut
anniversary-settings-role = rôle
anniversary-settings-role-description = Le seul rôle à mentionner dans les publications automatiques (jamais @everyone)
anniversary-settings-no-role = sans-rôle
anniversary-settings-no-role-description = Ne plus mentionner de rôle
anniversary-settings-digest = récapitulatif
anniversary-settings-digest-description = Jour du récapitulatif des partenariats connus par l’année seule, MM-JJ (par défaut 01-01)
anniversary-settings-enabled = activé
anniversary-settings-enabled-description = Activer ou désactiver les publications automatiques
anniversary-settings-language = langue
anniversary-settings-language-description = Langue des publications (par défaut : celle du serveur)
anniversary-settings-remind-days = rappels-jours-avant
anniversary-settings-remind-days-description = Rappeler aux modérateurs chaque anniversaire ce nombre de jours avant (1–90)
anniversary-settings-remind-channel = salon-des-rappels
anniversary-settings-remind-channel-description = Où envoyer les rappels, par exemple le salon des modérateurs (sans mentionner personne)
anniversary-settings-no-reminders = sans-rappels
anniversary-settings-no-reminders-description = Arrêter les rappels à l’avance
anniversary-settings-events = évènements
anniversary-settings-events-description = Un évènement du serveur pour chaque anniversaire à venir, auquel les membres peuvent participer
anniversary-settings-events-ahead = évènements-jours-avant
anniversary-settings-events-ahead-description = Créer chaque évènement ce nombre de jours avant l’anniversaire (1–90, 30 par défaut)
anniversary-settings-events-milestones-only = évènements-marquants-seulement
anniversary-settings-events-milestones-only-description = Des évènements pour les anniversaires marquants seulement (60e, 75e…)

home = ville-d'attache
home-description = Voir ou choisir la ville d’attache pour laquelle répondent les commandes de ce serveur (modérateurs)
home-city = ville
home-city-description = Répondre seulement pour cette ville d’attache
home-add = ajouter
home-add-description = Répondre aussi pour cette ville d’attache
home-all = toutes
home-all-description = Répondre pour toutes les villes d’attache que twinbot connaît

town = ville
town-description = Créer et tenir à jour la ville de ce serveur et ses villes partenaires (Gérer le serveur)
town-create = créer
town-create-description = Créer la ville de ce serveur à partir du répertoire mondial des villes
town-create-city = ville
town-create-city-description = Ta ville, telle qu’on l’écrit
town-create-country = pays
town-create-country-description = Le code à deux lettres de son pays (FR, BE…), si plusieurs villes portent ce nom
town-add = ajouter
town-add-description = Ajouter une ville partenaire à la ville de ce serveur
town-add-city = ville
town-add-city-description = La ville partenaire
town-add-year = année
town-add-year-description = L’année où le lien a été officialisé
town-add-date = date
town-add-date-description = La date exacte, AAAA-MM-JJ, si tes sources la donnent
town-add-month = mois
town-add-month-description = Le mois (de 1 à 12), si seul le mois est connu
town-add-kind = type
town-add-kind-description = Jumelage, partenariat ou amitié (jumelage par défaut)
town-add-source = source
town-add-source-description = L’adresse d’une page web qui l’atteste
town-add-country = pays
town-add-country-description = Le code à deux lettres de son pays (FR, BE…), si plusieurs villes portent ce nom
town-edit = modifier
town-edit-description = Modifier les textes d’une ville partenaire, puis ses dates et ses sources
town-edit-city = ville
town-edit-city-description = La ville partenaire à modifier
town-language = langue
town-language-description = Écrire les textes d’une ville partenaire dans une autre langue
town-language-city = ville
town-language-city-description = La ville partenaire
town-language-lang = langue
town-language-lang-description = La langue dans laquelle tu écris ses textes
town-remove = retirer
town-remove-description = Retirer une ville partenaire de la ville de ce serveur
town-remove-city = ville
town-remove-city-description = La ville partenaire à retirer
town-history = historique
town-history-description = Les dernières modifications de la ville de ce serveur, et qui les a faites
town-undo = annuler
town-undo-description = Annuler la dernière modification de la ville de ce serveur
town-export = exporter
town-export-description = La ville de ce serveur en fichiers : données (TOML) et villes partenaires pour un tableur (CSV)
town-import = importer
town-import-description = Remplacer la ville de ce serveur par un fichier : ses données (TOML) ou ses villes partenaires (CSV)
town-import-file = fichier
town-import-file-description = Un fichier issu de « /ville exporter », modifié : le TOML (tout) ou le CSV (les villes partenaires)
town-calendar = calendrier
town-calendar-description = L’adresse du flux de calendrier de cette ville, pour les applis d’agenda
town-calendar-renew = renouveler
town-calendar-renew-description = Créer une nouvelle adresse ; l’ancienne cessera de fonctionner
town-delete = supprimer
town-delete-description = Supprimer la ville de ce serveur (son historique est conservé 30 jours)

about = à-propos
about-description = Ce qu’est twinbot, d’où viennent ses données et quelles sont ses commandes

# Les réponses du bot, message par message comme dans locales/en-GB/twinbot.ftl, avec les mêmes
# variables. Les noms de villes arrivent tels quels : les phrases sont tournées pour qu’ils n’aient
# pas à s’accorder, et l’article ne dépend jamais du type de lien ($kind).

## Nombres et dates

# Un ordinal devant « anniversaire » : 1er, 2e, 60e.
ordinal = { $n ->
    [1] 1er
   *[other] { $n }e
}

## La ponctuation avec laquelle le code joint les mots (il n’écrit jamais lui-même « ( » ni « , »)

# Une remarque entre parenthèses après un texte : « 1960 (avec Dortmund) ».
punctuation-aside = { $text } ({ $aside })
# Un texte, une virgule et la suite : « @Anna, 6 décembre 2026 ».
punctuation-comma = { $text }, { $more }
# Deux phrases, l’une après l’autre.
punctuation-sentences = { $first } { $second }
punctuation-semicolon = { $first } ; { $second }

## Le modèle de données

# Les dates ($since, $date) ont la précision que les données connaissent : « 2 juin 1969 »,
# « juin 2014 » ou « 1960 ». PRECISION($since) vaut day, month ou year (jour, mois, année), pour
# formuler chaque cas ; GENITIVE($since) est la date après une préposition (en français, la même
# que { $since }). DE($home) écrit « de » devant un nom de ville : « d’Amiens », « du Havre »,
# « de Leeds » ; A($town) écrit « à » : « à Amiens », « au Havre ».

kind-twinning = jumelage
kind-partnership = partenariat
kind-friendship = amitié
suspended-since = en suspens depuis le { $date }
# Quand un lien a été officialisé : $date, et $ago de CLDR (« il y a 57 ans », « cette année »).
formalised-when = { $date } ({ $ago })
year-relative = { $diff ->
   *[other] { $cldr }
}
# Après le nom d’une ville partenaire dans les listes : « 🇩🇪 Allemagne — jumelage, 2 juin 1969 ».
partner-line = { $flag } { $country } — { $kind }, { $since }
# Entre parenthèses après la ligne d’un partenaire, quand la liste a plusieurs villes d’attache.
partner-line-with = avec { $home }
did-you-mean = Voulais-tu dire { $names } ?
data-footer = twinbot · données : { $files } · mise à jour : { $updated }
data-footer-undated = twinbot · données : { $files }
# D’où viennent les données d’une ville créée dans Discord, à la place d’un nom de fichier.
data-own-town = ville propre à ce serveur
# Sous une fiche, quand certains textes d’une ville partenaire ne sont pas encore traduits.
untranslated = Certains textes sont affichés tels que les auteurs des données les ont écrits : ils n’ont pas encore été traduits.

## Erreurs possibles pour toutes les commandes

error-title = Ça n’a pas marché
error-unknown-command = Je ne connais pas la commande /{ $command }.
error-removed = Elle a peut-être été supprimée : essaie { $about } pour voir mes commandes.
error-internal = Une erreur s’est produite pendant la réponse. Réessaie dans un instant.
error-unreadable = twinbot n’a pas pu lire ceci tel que Discord l’a envoyé. Réessaie dans un instant ; si cela se reproduit, préviens la personne qui gère le bot.
error-no-option = { $command } n’a pas d’option { $option }.
error-option-needed = { $command } a besoin de l’option { $option } : { $what }.
error-out-of-range = { $option } doit être compris entre { $min } et { $max } ; { $value } ne l’est pas.
error-not-text = { $option } doit être du texte.
error-not-number = { $option } doit être un nombre entier.
error-not-boolean = { $option } doit valoir true ou false.
error-not-channel = { $option } doit être un salon.
error-not-role = { $option } doit être un rôle.
error-not-file = { $option } doit être un fichier.
moderators-only-title = Réservé aux modérateurs
moderators-only = { $command } est réservée aux modérateurs : il faut la permission { $permission } dans ce salon. Demande à un modérateur de ce serveur.
server-only-title = Uniquement sur un serveur
server-only = { $command } fonctionne dans les salons d’un serveur, pas en messages privés.
# Le nom de la permission tel que l’affichent les paramètres de Discord.
permission-manage-messages = Gérer les messages
# Tel que le nomment les paramètres du serveur dans Discord.
permission-manage-server = Gérer le serveur
needs-permission-to-post = Il te faut la permission { $permission } dans { $channel } pour y publier une annonce.
needs-permission-to-schedule = Il te faut la permission { $permission } dans { $channel } pour y faire publier les anniversaires.
cannot-post = twinbot ne peut pas publier ici : il lui faut le jeton du bot, et cette installation n’en a pas. Demande à la personne qui gère twinbot de le configurer.
files-need-token = Le fichier ne peut pas être envoyé d’ici : l’envoi de fichiers nécessite le jeton du bot, et cette installation n’en a pas. Demande à la personne qui gère twinbot de le configurer.

## /ville-partenaire

field-country = Pays
field-link = Lien
field-formalised = Officialisation
field-status = Statut
field-roots = Origines
field-areas = Domaines de coopération
field-timeline = Chronologie
field-groups = Associations et groupes
field-aliases = Autres noms
field-notes = Remarques
field-sources = Sources
partner-status = { $suspended } : voir les remarques.
partner-also-home = { $partner } est aussi une ville d’attache ici : { $command } liste également ses villes partenaires, dont { $home }.
partner-empty = Tape le nom d’une ville partenaire, par exemple { $example }.
partner-another-name = « { $query } » est un autre nom { DE($partner) }.
partner-showing = Résultat affiché pour « { $query } » : { $partner }.
partner-country-title = Villes partenaires { DE($home) } : { $country }
partner-country-hint = Utilise { $command } avec l’un de ces noms pour découvrir toute l’histoire.
partner-home-title = { $home } est la ville d’attache
partner-is-home = { $home } est la ville d’attache ici : twinbot te parle de ses villes partenaires.
partner-part-of-home = { $place } fait partie { DE($home) }, la ville d’attache de ces partenariats : ce n’est pas une ville partenaire.
partner-own-links = { $count ->
    [one] { $place } a sa propre ville partenaire : { $links }. { $command } raconte son histoire.
   *[other] { $place } a ses propres villes partenaires : { $links }. { $command } raconte l’histoire de la première.
}
partner-own-link = { $name } ({ $kind } depuis { PRECISION($since) ->
        [day] le { $since }
       *[other] { $since }
    })
partner-try-one-of = Essaie l’un de ces noms : { $names }.
partner-none-title = Aucune ville partenaire trouvée
partner-none = Aucune ville partenaire { DE($home) } ne correspond à « { $query } ».
partner-try-field = Essaie une ville partenaire { DE($home) }
partner-choice = { $name } ({ $country })
partner-choice-with = { $name } ({ $country }) – avec { $home }

## /depuis

since-needs-year = { $command } a besoin d’une année.
since-swapped = { $until } ({ $to }) vient avant { $year } ({ $from }) : inverse-les pour lister { $to }–{ $from }.
since-title-in = Villes partenaires { DE($home) } en { $from }
since-title-range = Villes partenaires { DE($home) } de { $from } à { $to }
since-title-since = Villes partenaires { DE($home) } depuis { $from }
since-none-in = Aucun partenariat n’a été officialisé en { $from }.
since-none-range = Aucun partenariat n’a été officialisé de { $from } à { $to }.
since-none-since = Aucun partenariat n’a été officialisé en { $from } ou après.
since-newest = Le plus récent : { $name } ({ $kind }, { $since }).
since-count = { $count ->
    [one] { $count } partenariat.
   *[other] { $count } partenariats.
}

## /villes-partenaires

partners-title = Villes partenaires { DE($home) } ({ $count })
partners-hint = Utilise { $command } avec un nom pour découvrir toute l’histoire.

## /anniversaires et les lignes d’anniversaire

anniversaries-calendar-note = 📅 Le fichier de calendrier est joint : importe-le dans ton appli d’agenda ; un nouvel import met les évènements à jour au lieu de les dupliquer.
anniversaries-calendar-file = Fichier de calendrier des anniversaires { DE($home) }
# Après le nom et le drapeau de la ville partenaire : « 60e anniversaire ».
anniversary-number = { $ordinal } anniversaire
anniversary-milestone = ★ marquant
# Après le titre : « 2 juin 2029 (jumelage depuis le 2 juin 1969) », « (jumelage depuis 1960) ».
anniversary-when = { $date } ({ $kind } depuis { PRECISION($since) ->
        [day] le { $since }
       *[other] { $since }
    })
anniversaries-upcoming-title = Prochains anniversaires { DE($home) }
anniversaries-upcoming-none = Aucun partenariat n’a de mois ou de jour connu à partir duquel compter.
anniversaries-next-title = { $count ->
    [one] Prochain anniversaire { DE($home) }
   *[other] Les { $count } prochains anniversaires { DE($home) }
}
anniversaries-year-title = Anniversaires { DE($home) } en { $year }
anniversaries-year-none = En { $year }, aucun partenariat n’avait encore un an ou plus.
anniversaries-milestones = { $count ->
    [0] Aucun anniversaire marquant en { $year }.
    [one] { $count } anniversaire marquant en { $year }.
   *[other] { $count } anniversaires marquants en { $year }.
}

## /annoncer

announce-no-match = Aucune ville partenaire ne correspond à « { $query } ».
announce-which-title = Quelle ville partenaire ?
announce-which = Indique une seule ville partenaire : { $names }.
announce-suspended = Les anniversaires ne sont pas annoncés pour { $partner } : { $kind } { $suspended }. Les remarques de { $command } expliquent pourquoi.
announce-too-early = Le lien avec { $partner } ({ $kind }, { $since }) est trop récent : son premier anniversaire tombe en { $year }.
announce-title = { $partner } : { $ordinal } anniversaire
announce-preview-title = Aperçu · { $title }
announce-terminal-footer = Aperçu seulement : utilise { $command } dans un serveur Discord pour la publier.
announce-would-post-in = Serait publiée dans
announce-preview-footer = Aperçu seulement : rien n’a été publié. Relance { $command } sans { $preview } pour la publier.
announce-posting-title = Publication · { $title }
announce-posting = Publication dans { $channel }…
announce-posted-title = Annonce publiée
announce-posted = Publiée dans { $channel }.
announce-posted-link = Publiée dans { $channel } : { $link }.
announce-see-message = voir le message
announce-not-posted = Non publiée
# $reason est le statut, le message et le code de Discord : « 403 Missing Permissions (code 50013) ».
announce-refused = Discord a refusé la publication : { $reason }.
announce-refused-permissions = Donne au bot les permissions « Voir le salon », « Envoyer des messages » et « Voir les anciens messages » dans ce salon.
announce-refused-access = Le bot ne voit pas ce salon : donne-lui la permission « Voir le salon » sur ce salon.
announce-refused-channel = Ce salon n’existe plus : choisis-en un autre.
announce-refused-events = Donne à twinbot la permission « Créer des événements » (Paramètres du serveur › Rôles).
# $reason, ce sont les mots du réseau ou de Discord.
announce-failed = La publication n’a pas pu être envoyée : { $reason }.

## /ville-d'attache

home-not-changed = Ville d’attache inchangée
home-unknown = twinbot ne connaît pas de ville d’attache « { $query } ».
home-knows = Villes d’attache connues : { $homes }.
home-title = Villes d’attache
home-saved-title = Villes d’attache enregistrées
home-every = Ici, les commandes répondent pour toutes les villes d’attache : { $homes }.
home-answers = Ici, les commandes répondent pour { $homes } : /ville-partenaire, /depuis, /villes-partenaires, /anniversaires, /annoncer et les publications d’anniversaires.
home-terminal = Chaque serveur fait son choix avec /ville-d'attache dans Discord, et discord.home dans config.toml fixe la valeur par défaut. Ici, dans le terminal, ajoute --home NAME à une commande pour qu’elle réponde pour une seule ville d’attache.
home-known-field = Villes d’attache connues de twinbot
home-partners-field = Villes partenaires { DE($homes) }
home-partner-count = { $count ->
    [one] { $home } : { $count } ville partenaire
   *[other] { $home } : { $count } villes partenaires
}
home-save-failed = Les villes d’attache n’ont pas pu être enregistrées : { $error }

## /à-propos

about-title = À propos de twinbot
about-intro = { $count ->
    [one] twinbot répond aux questions sur les villes partenaires { DE($homes) } : { $count } partenariat en tout. Écris les noms comme tu veux : avec des fautes, dans une autre langue ou un autre alphabet.
   *[other] twinbot répond aux questions sur les villes partenaires { DE($homes) } : { $count } partenariats en tout. Écris les noms comme tu veux : avec des fautes, dans une autre langue ou un autre alphabet.
}
about-data-field = Données
about-data-line = { $home } : { $file }, mis à jour le { $updated }
about-data-line-undated = { $home } : { $file }
about-sources = Les sources de chaque ville partenaire figurent sur sa fiche dans { $command }.
about-places-field = Noms de lieux
about-places = Les groupes créent les fichiers de leurs villes à partir du répertoire géographique mondial de twinbot : { $geonames } (les villes de 15 000 habitants ou plus et leurs noms dans tous les alphabets), CC BY 4.0.
about-commands-field = Commandes
about-languages-field = Langues
about-languages = twinbot répond dans ta langue Discord quand il la parle : { $languages }.

## /paramètres-anniversaires

settings-not-saved = Paramètres non enregistrés
settings-save-failed = Les paramètres n’ont pas pu être enregistrés : { $error }
settings-conflict = { $who } a modifié { $fields } le { $day } à { $time } UTC pendant que tu faisais cette modification : rien n’a donc été enregistré. Consulte à nouveau les paramètres, puis refais ta modification.
settings-conflict-someone = Quelqu’un
settings-not-a-time = « { $value } » n’est pas une heure : écris HH:MM au format 24 heures, par exemple 09:00 ou 18:30.
settings-not-a-timezone = « { $value } » n’est pas un fuseau horaire IANA.
settings-pick-timezone = Choisis-en un dans la liste pendant que tu tapes.
settings-not-a-day = « { $value } » n’est pas un jour de l’année : écris MM-JJ, par exemple 01-01 pour le 1er janvier.
settings-not-a-language = « { $value } » n’est pas une langue dans laquelle twinbot publie : choisis parmi { $languages }.
settings-template-not-saved = Le modèle n’a pas été enregistré : { $error }.
# $placeholders est la liste des variables, comme {partner} ; $open et $close sont {{ et }}.
settings-placeholders = Variables : { $placeholders } ; écris { $open } et { $close } pour des accolades.
settings-everyone = C’est le rôle @everyone : twinbot ne mentionne jamais tout le monde. Choisis un rôle que les membres peuvent s’attribuer.
settings-choose-channel = Choisis un salon pour les publications : { $example }
settings-title-config = Publications d’anniversaires (config.toml)
settings-title-server = Publications d’anniversaires sur ce serveur
settings-title-saved = Paramètres des anniversaires enregistrés
settings-on = Activées, dans { $channel }
settings-off-kept = Désactivées (salon { $channel } conservé). Active-les avec { $example }.
settings-off = Désactivées. Choisis un salon pour les activer : { $example }
settings-time-value = { $time } { $zone } (aujourd’hui, { $utc } UTC)
settings-role-only = { $role } uniquement (jamais @everyone ni @here)
settings-role-none = Aucun : les publications ne mentionnent personne
settings-template-default = (le modèle par défaut en { $language })
settings-language-default = { $language } (la langue du serveur)
settings-field-posts = Publications automatiques
settings-field-time = Heure
settings-field-digest = Jour du récapitulatif
settings-field-role = Rôle mentionné
settings-field-language = Langue des publications
settings-field-reminders = Rappels aux modérateurs
settings-reminders-on = { $days ->
    [one] un jour
   *[other] { $days } jours
} avant, dans { $channel }
settings-reminders-off = Désactivés
settings-reminders-need-both = Les rappels demandent à la fois le nombre de jours à l’avance et le salon où les envoyer : { $example }
settings-field-events = Évènements du serveur
settings-events-off = Désactivés. { $example } crée un évènement du serveur pour chaque anniversaire à venir ; les membres peuvent s’y dire « Intéressé ».
settings-events-on = Pour chaque anniversaire, { $days ->
    [one] un jour
   *[other] { $days } jours
} avant
settings-events-on-milestones = Pour les anniversaires marquants, { $days ->
    [one] un jour
   *[other] { $days } jours
} avant
settings-events-no-permission = ⚠️ twinbot ne peut pas créer d’évènements ici : donne-lui la permission « Créer des événements » (Paramètres du serveur › Rôles).
settings-event-made = 📅 { $name } · { $when }
settings-event-coming = ⏳ { $name } · { $when } (à créer)
settings-event-deleted = 🗑️ { $name } · supprimé dans Discord, pas recréé
settings-events-more = { $count ->
    [one] Un autre anniversaire tombe dans ce délai : twinbot ne garde à la fois que ses { $max } évènements les plus proches.
   *[other] { $count } autres anniversaires tombent dans ce délai : twinbot ne garde à la fois que ses { $max } évènements les plus proches.
}
anniversaries-event = évènement
settings-field-template = Modèle
settings-field-next = Prochaines publications
settings-field-problems = Problèmes
settings-field-recent = Publiées récemment
settings-saved-on = Enregistrés pour ce serveur le { $date }
settings-from-config = Source : config.toml ([anniversaries])
settings-defaults = Valeurs par défaut : rien n’est encore enregistré
settings-digest-of = { $count ->
    [one] récapitulatif de { $count } anniversaire pour { $year }
   *[other] récapitulatif de { $count } anniversaires pour { $year }
}
settings-problem = ⚠️ { $key } · prévue le { $due } · { $state }
problem-refused = refusée, sera retentée (essai { $attempts } sur { $max })
problem-failed = en échec, sera retentée (essai { $attempts } sur { $max })
problem-gave-up = { $attempts ->
    [one] non publiée après { $attempts } essai
   *[other] non publiée après { $attempts } essais
}
problem-missed = manquée pendant que twinbot était hors ligne
# Entre parenthèses après une publication faite en retard.
settings-belated = en retard

## Modèles d’annonce

template-unknown = variable inconnue { $placeholder } au caractère { $at } ; les variables sont { $placeholders }
template-unclosed = le { $open } au caractère { $at } n’est pas fermé : écris { $example }, ou { $double } pour une accolade seule
template-unopened = le { $close } au caractère { $at } n’a pas de { $open } ouvrant : écris { $double } pour une accolade seule
template-empty = le modèle est vide
template-too-long = l’annonce pour { $partner } ferait { $length } caractères, au-delà des { $max } permis pour une annonce (Discord en autorise { $limit } par message ; le reste est réservé à la mention d’un rôle et à une note de retard) : raccourcis le modèle

## Publications

# L’annonce intégrée. Variables : $ordinal (60e), $kind (jumelage), $home et $partner (noms de
# villes, au nominatif), $country, $since (2 juin 1969), $years (60), $date (la date de
# l’anniversaire).
post-default = 🎉 Jour de fête pour { $home } et { $partner } ({ $country }) ! Leur { $kind } ({ $since }) célèbre aujourd’hui son { $ordinal } anniversaire.
post-digest-title = Anniversaires { DE($home) } en { $year }
post-digest-intro = { " " }— partenariats dont seule l’année est connue :
post-digest-line = { $kind } avec { $home } depuis { $since }
post-digest-more = { $count ->
    [one] … et un autre anniversaire.
   *[other] … et { $count } autres.
}
schedule-anniversary = { $name } : { $ordinal } anniversaire ({ $date })
schedule-milestone = anniversaire marquant
# Un anniversaire dans les listes de planification (récapitulatif, prochaines publications) : « Amiens (69e anniversaire) ».
anniversary-brief = { $name } ({ $ordinal } anniversaire)
anniversary-brief-milestone = { $name } ({ $ordinal } anniversaire, marquant)
schedule-digest = récapitulatif de { $year } : { $names }
reminder = { $name } : le { $ordinal } anniversaire du partenariat tombe { $days ->
    [1] demain
   *[other] dans { $days } jours
} ({ $date })
schedule-reminder = rappel — { $reminder }
schedule-event = évènement du serveur — { $name } (créé le { $made })
post-belated = En retard : cette publication était prévue le { $date } à { $time } ({ $zone }), pendant que twinbot était hors ligne.

## Calendriers (fichiers iCalendar des anniversaires)

calendar-name = { $home } : anniversaires des partenariats
# « Dortmund – 60e anniversaire : jumelage avec Leeds » (sans article : le genre varie).
calendar-summary = { $partner } – { $ordinal } anniversaire : { $kind } avec { $home }
calendar-day-unknown = Seul le mois est connu ({ $month }) : le calendrier place cet anniversaire le premier jour du mois.
calendar-month-unknown = Seule l’année est connue ({ $year }) : le calendrier place cet anniversaire le 1er janvier.
calendar-source = Source : { $url }
event-name = { $home } ↔ { $partner } : { $ordinal } anniversaire
event-location = { $home }, { $homecountry } ↔ { $partner }, { $partnercountry }

## /frise

timeline-next = { $ordinal } · { $year }
timeline-kind-year = { $kind } · { $year }
cover-number = { $ordinal }
timeline-title = Les partenariats { DE($home) } au fil des années
timeline-key-formalised = officialisé
timeline-key-milestone = renouvellements et accords
timeline-key-next = prochain anniversaire marquant
timeline-alt = Frise { $count ->
    [one] du partenariat
   *[other] des { $count } partenariats
} { DE($home) }, du plus ancien au plus récent, avec les prochains anniversaires marquants.
timeline-empty = Aucune ville partenaire { DE($home) } n’est encore dans les données.
timeline-more = Sans ligne à elles (l’image en a { $count } au plus) : { $names }

## /carte

map-title = Les villes partenaires { DE($home) }
map-key-home = ville d’attache
map-alt = Carte { $count ->
    [one] de la ville partenaire
   *[other] des { $count } villes partenaires
} { DE($home) }, chacune reliée à sa ville par le plus court chemin sur le globe.
map-unplaced = Absentes de la carte (pas de coordonnées dans les données) : { $names }
map-unlabelled = Trop proches pour être nommées sur la carte : { $names }
map-credit = Terres : Natural Earth
map-no-coordinates = Les données n’ont pas encore de coordonnées pour { $home } : pas de carte à dessiner.

## Boutons et formulaires (de toutes les commandes)

button-cancel = Annuler
pending-gone-title = C’est terminé
pending-gone = Ce bouton ne fait plus rien. Relance la commande.
pending-expired = Le délai est dépassé : les boutons et les formulaires restent actifs 15 minutes. Relance la commande.
pending-done = C’est déjà fait.
pending-not-yours-title = Pas pour toi
pending-not-yours = Seul le membre qui a utilisé la commande peut se servir de ses boutons et de ses formulaires.

## /ville

# $commands liste les sous-commandes : « /ville créer, /ville ajouter ou /ville annuler ».
town-choose = Choisis ce que tu veux faire : { $commands }.
town-off-title = Les villes sont désactivées
town-off = La personne qui gère ce twinbot a désactivé /ville.
town-none-title = Pas encore de ville
town-none = Ce serveur n’a pas encore sa propre ville. Crée-la avec { $create }.
town-exists-title = Ce serveur a déjà une ville
town-exists = La ville de ce serveur est déjà { $town }. Pour recommencer, supprime-la d’abord avec { $delete }.
town-world-missing-title = Répertoire des villes introuvable
town-world-missing = Ce twinbot ne parvient pas à lire son répertoire mondial des villes : impossible ici de créer une ville ou de lui ajouter des partenaires. La personne qui le gère peut y remédier.
town-not-found-title = Ville introuvable
town-not-found = Le répertoire mondial des villes ne contient aucune ville nommée { $query }.
# $places : « Brno (CZ), Bruno (IT) ou Brod (CZ) ».
town-did-you-mean = Voulais-tu dire { $places } ?
town-created-title = Ville créée
town-created = { $town } est désormais la ville de ce serveur : ses commandes répondent pour elle. Ajoute ses villes partenaires avec { $add }.
# $took est la ville retenue, $others les autres villes de ce nom, $country l’option qui en choisit une.
town-others = D’autres villes s’appellent aussi { $name } ; la plus peuplée a été retenue : { $took }. Les autres : { $others }. Si tu pensais à l’une d’elles, supprime cette ville et crée-la de nouveau avec { $country }.
town-facts-field = D’après le répertoire mondial des villes
# $count personnes y vivent.
town-people = { $count ->
    [one] { $count } habitant
   *[other] { $count } habitants
}
town-add-form-title = Partenariat avec { $city }
town-add-summary = Résumé
town-add-summary-placeholder = En quelques phrases à toi : comment le lien est né, et ce qu’il fait vivre.
town-add-roots = Origines (facultatif)
town-add-roots-placeholder = Contacts antérieurs, comme des échanges scolaires dans les années 1950
town-add-notes = Remarques (facultatif)
town-add-notes-placeholder = Les points sur lesquels tes sources divergent
town-add-milestone = Premier jalon de la chronologie (facultatif)
town-add-milestone-placeholder = Charte signée à l’hôtel de ville
town-field-source = Source
town-date-invalid = { $value } n’est pas une date. Écris-la sous la forme AAAA-MM-JJ, par exemple 1969-06-02.
town-kind-invalid = { $value } n’est pas un type de lien. Choisis jumelage, partenariat ou amitié.
town-source-invalid = { $value } n’est pas une adresse web. Écris l’adresse complète, en commençant par https://.
town-added-title = Ville partenaire ajoutée
town-added = { $partner } est désormais une ville partenaire { DE($town) } (officialisation : { $since }).
town-summary-field = Résumé
town-edit-form-title = { $city } : textes
town-edit-areas = Domaines (un par ligne, facultatif)
town-edit-areas-placeholder = Ce sur quoi porte le lien, comme l’éducation et les échanges
town-edited-title = Enregistré
town-edited = Les textes { DE($partner) } sont enregistrés. Viennent ensuite ses dates, son type et ses sources, s’il faut les modifier.
button-more-facts = Dates et sources…
button-try-again = Réessayer
town-facts-form-title = { $city } : dates et sources
town-facts-year = Année d’officialisation
town-facts-year-placeholder = 1969
town-facts-date = Date, ou mois (AAAA-MM-JJ ou AAAA-MM)
town-facts-date-placeholder = 1969-06-02, ou 1969-06, ou vide si seule l’année est connue
town-facts-kind = Type : jumelage, partenariat ou amitié
town-facts-kind-placeholder = jumelage
town-facts-suspended = Suspendu depuis (AAAA-MM-JJ, facultatif)
town-facts-suspended-placeholder = Vide tant que les échanges continuent
town-facts-sources = Sources (une adresse web par ligne)
town-facts-sources-placeholder = https://…
town-facts-saved = Les dates, le type et les sources { DE($partner) } sont enregistrés.
town-year-invalid = { $value } n’est pas une année : écris quatre chiffres, de 1000 à 9999.
# $language est le nom de la langue : « allemand ».
town-translate-form-title = { $city } en { $language }
town-translated-title = Traduction enregistrée
town-translated = Les textes { DE($partner) } en { $language } sont enregistrés.
town-translation-removed = Les textes { DE($partner) } en { $language } sont supprimés : les personnes qui lisent en { $language } voient de nouveau les textes d’origine de la ville.
town-translate-name = Nom en { $language } (facultatif)
town-translate-name-placeholder = Laisser vide pour garder { $city }
town-name-saved = En { $language }, { $partner } s’appelle désormais { $name }.
town-name-removed = Le nom { DE($partner) } en { $language } est supprimé : les personnes qui lisent en { $language } voient de nouveau le nom d’origine.
town-translation-none = Rien n’a été enregistré pour { $partner } en { $language }.
town-language-own = Les données de la ville sont déjà rédigées en { $language } : modifie les textes avec { $edit }.
town-not-saved-title = Non enregistré
town-is-home = { $city } est la ville de ce serveur elle-même : une ville ne peut pas être sa propre ville partenaire.
# $as est le nom sous lequel la ville mentionne sa ville partenaire.
town-duplicate = { $town } a déjà { $partner } pour ville partenaire, sous le nom { $as }.
town-no-partner-title = Ville partenaire introuvable
town-no-partner = { $town } n’a aucune ville partenaire nommée { $query }.
town-too-many-partners = Une ville a au plus { $limit } villes partenaires.
town-too-many-milestones = Un partenariat compte au plus { $limit } entrées dans sa chronologie.
town-too-many-sources = Un partenariat cite au plus { $limit } sources.
town-too-big = Les données d’une ville ne peuvent pas dépasser { $limit } octets.
town-too-long = { $field } : { $limit } caractères au plus.
town-invalid = Rien n’a été modifié. Les données de la ville ne passeraient pas les vérifications de twinbot :
town-remove-title = Retirer { $partner } ?
town-remove-confirm = { $partner } ne sera plus une ville partenaire { DE($town) }, et les anniversaires de ce partenariat ne seront plus publiés. { $undo } la rétablit.
button-remove = Retirer
town-removed-title = Ville partenaire retirée
town-removed = { $partner } n’est plus une ville partenaire { DE($town) }. { $undo } la rétablit.
town-cancelled-title = Rien n’a changé
town-cancelled = Rien n’a été modifié.
town-history-title = Historique { DE($town) }
town-history-how-field = Annuler
town-history-undo = { $undo } annule la dernière modification ; relancée, elle remonte encore d’un cran.
town-by-operator = la personne qui gère twinbot
town-change-created = création de la ville { $home }
town-change-added = ajout de la ville partenaire { $partner }
town-change-edited = modification de la ville partenaire { $partner }
# $language est le nom de la langue : « allemand ».
town-change-translated = traduction en { $language } pour la ville partenaire { $partner }
town-change-removed = retrait de la ville partenaire { $partner }
town-change-undid = annulation : { $what }
town-change-deleted = suppression de la ville
town-change-other = modification de la ville par une version plus récente de twinbot
town-undo-title = Rien à annuler
town-nothing-to-undo = Il n’y a rien de plus ancien à annuler : voici la ville telle qu’elle a été créée.
town-undone-title = Annulé
town-undone = Annulé : { $what }. Relance { $undo } pour remonter plus loin.
town-delete-title = Supprimer { $town } ?
town-delete-confirm = Les commandes de ce serveur ne répondront plus pour { $town }, et les anniversaires de ses partenariats ne seront plus publiés. Son historique est conservé { $days } jours ; d’ici là, { $undo } la rétablit.
button-delete = Supprimer
town-deleted-title = Ville supprimée
town-deleted = { $town } n’est plus la ville de ce serveur. Son historique est conservé { $days } jours ; d’ici là, { $undo } la rétablit.
town-export-title = Les fichiers { DE($town) }
town-exported = En pièces jointes, { $count ->
    [0] { $town }, sans ville partenaire pour l’instant
    [one] { $town } et sa ville partenaire
   *[other] { $town } et ses { $count } villes partenaires
} : le fichier TOML contient toutes ses données, au format des fichiers de données de twinbot ; le fichier CSV contient ses villes partenaires, pour un tableur. Modifie l’un ou l’autre, puis réimporte-le avec { $import }.
town-export-toml = Toutes les données { DE($town) } (TOML)
town-export-csv = Les villes partenaires { DE($town) }, pour un tableur (CSV)
town-import-no-file = Joins le fichier à importer : un fichier TOML ou CSV comme ceux que fournit l’export.
town-import-reading-title = Lecture de { $file }…
town-import-title = Importer { $file } ?
town-import-preview = L’import de { $file } apporterait ces modifications { A($town) }. Rien ne change tant que tu n’as pas cliqué sur « Importer ».
town-import-same = { $file } correspond à l’état actuel { DE($town) } : il n’y a rien à importer.
town-import-added = { $count ->
    [one] Ville partenaire ajoutée
   *[other] { $count } villes partenaires ajoutées
}
town-import-removed = { $count ->
    [one] Ville partenaire retirée
   *[other] { $count } villes partenaires retirées
}
town-import-changed = { $count ->
    [one] Ville partenaire modifiée
   *[other] { $count } villes partenaires modifiées
}
# Le dernier élément d’une liste de noms raccourcie : « Amiens, Brno et 12 autres ».
town-import-more = { $count ->
    [one] { $count } autre
   *[other] { $count } autres
}
town-import-home = La ville elle-même
town-import-home-changed = Ses propres informations changent aussi : son nom, sa description, ses autres noms ou son emplacement.
button-import = Importer
town-imported-title = Importé
town-imported = C’est fait : { $what }. { $undo } l’annule.
town-import-refused-title = { $file } n’a pas été importé
import-wrong-kind = Seuls les fichiers TOML (.toml) et CSV (.csv) peuvent être importés, comme ceux que fournit l’export.
import-not-discord = Le fichier doit avoir été joint dans Discord ; celui-ci se trouve sur { $host }.
import-redirected = L’adresse du fichier a renvoyé twinbot vers { $host }, qui n’est pas Discord.
import-content-type = Le fichier est de type { $type }, pas du texte.
import-timeout = Le fichier a mis plus de { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
} à arriver. Réessaie dans un instant.
import-unreachable = Discord n’a pas transmis le fichier. Réessaie dans un instant.
import-too-big = Le fichier fait { $size } Ko ; on ne peut pas importer plus de { $limit } Ko.
import-not-text = Le fichier n’est pas du texte brut (UTF-8). Enregistre-le en texte UTF-8, puis réessaie.
import-too-deep = Ligne { $line } : des crochets ou des noms à points s’imbriquent sur plus de { $limit } niveaux, ce dont aucune ville n’a besoin.
import-csv-needs-town = Un fichier CSV modifie les villes partenaires d’une ville, et ce serveur n’a pas encore de ville. Crée-la avec { $create }, ou importe un fichier TOML.
import-unknown-column = Ligne { $line } : { $column } ne fait pas partie des colonnes d’une ville. Les colonnes possibles sont : { $known }.
import-no-name-column = La première ligne doit nommer les colonnes, et l’une d’elles doit s’appeler « name ».
import-formula = Ligne { $line }, colonne { $column } : { $text } commence comme une formule de tableur, et les formules ne sont jamais importées. Si c’est du texte, ajoute une apostrophe ' devant.
import-bad-cell = Ligne { $line }, colonne { $column } : { $text } n’est pas une valeur valable pour cette colonne, qui accepte par exemple { $example }.
import-twice = Ligne { $line } : { $partner } figure deux fois.
import-csv = Ligne { $line } : ce n’est pas un fichier CSV bien formé ({ $why }).
# $file est le nom du fichier ; les autres comptent des villes partenaires.
town-change-imported = import de { $file } (ajouts : { $added }, retraits : { $removed }, modifications : { $changed })
town-calendar-title = Calendrier { DE($town) }
town-calendar-address = Les applis d’agenda peuvent s’abonner aux anniversaires { DE($town) } à cette adresse. Toute personne qui l’a peut lire le calendrier : ne la partage qu’avec ton groupe. Si elle circule au-delà, { $renew } en crée une nouvelle.
town-calendar-renewed = Le calendrier { DE($town) } a une nouvelle adresse : l’ancienne ne fonctionne plus. Les personnes abonnées ont besoin de celle-ci.
town-calendar-off-title = Pas de calendriers ici
town-calendar-off = Ce twinbot ne propose pas de flux de calendrier. La personne qui le gère peut les activer.
town-slow-down-title = Doucement
town-slow-down = Ce serveur a modifié sa ville de nombreuses fois en peu de temps. Réessaie dans { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}.
# $who est le membre et le jour : « @Anna, 6 décembre 2026 ».
town-conflict = Non enregistré : la ville de ce serveur a été modifiée entre-temps ({ $what } — { $who }). Regarde-la de nouveau, puis réessaie.

## Réponses passant par le compte d’un membre

# Première ligne d’une réponse que Discord ne montre qu’au membre : il a ajouté twinbot à son propre
# compte, le serveur où il l’a utilisé ne l’a pas ajouté, et il n’y a pas la permission
# « Utiliser des applications externes » (nommée comme dans les paramètres de Discord).
external-apps-only-you = Ce message n’est visible que par toi : twinbot est ajouté à ton compte, et non à ce serveur, et tu n’as pas ici la permission « Utiliser des applications externes » ; Discord n’affiche donc ses réponses qu’à toi.
