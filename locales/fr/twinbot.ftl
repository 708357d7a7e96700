# twinbot en français. Commandes : noms (en minuscules, 32 caractères au plus, sans espace) et
# descriptions (100 caractères au plus), avec les mots du client Discord en français.

partner = ville-partenaire
partner-description = Tout sur une ville partenaire
partner-city = ville
partner-city-description = La ville partenaire, dans n’importe quelle orthographe ou langue

since = depuis
since-description = Les partenariats conclus une année donnée ou après
since-year = année
since-year-description = La première année incluse
since-until = jusqu-à
since-until-description = La dernière année incluse (par défaut : sans limite)

partners = villes-partenaires
partners-description = Toutes les villes partenaires, du plus ancien partenariat au plus récent

anniversaries = anniversaires
anniversaries-description = Les anniversaires des partenariats d’une année, anniversaires marquants signalés
anniversaries-year = année
anniversaries-year-description = L’année (par défaut : cette année)
anniversaries-upcoming = prochains
anniversaries-upcoming-description = À la place, les prochains anniversaires datés, à partir d’aujourd’hui

announce = annoncer
announce-description = Publier l’annonce de l’anniversaire d’un partenariat (modérateurs)
announce-city = ville
announce-city-description = La ville partenaire
announce-channel = salon
announce-channel-description = Où la publier (par défaut : ce salon)
announce-preview = aperçu
announce-preview-description = La montrer à toi seul, sans la publier

anniversary-settings = réglages-anniversaires
anniversary-settings-description = Voir ou modifier les publications automatiques d’anniversaires de ce serveur (modérateurs)
anniversary-settings-channel = salon
anniversary-settings-channel-description = Publier les anniversaires dans ce salon (active les publications)
anniversary-settings-time = heure
anniversary-settings-time-description = Heure locale de publication, HH:MM (par défaut 09:00)
anniversary-settings-timezone = fuseau-horaire
anniversary-settings-timezone-description = Fuseau horaire IANA, comme Europe/Paris (par défaut : Europe/London)
anniversary-settings-template = modèle
anniversary-settings-template-description = Texte de l’annonce avec {"{"}partner{"}"}, {"{"}ordinal{"}"}… ; « default » rétablit celui par défaut
anniversary-settings-role = rôle
anniversary-settings-role-description = Le seul rôle à mentionner dans les publications automatiques (jamais @everyone)
anniversary-settings-no-role = sans-rôle
anniversary-settings-no-role-description = Ne plus mentionner de rôle
anniversary-settings-digest = récapitulatif
anniversary-settings-digest-description = Jour du récapitulatif des partenariats connus par l’année seule, MM-JJ (par défaut 01-01)
anniversary-settings-enabled = activé
anniversary-settings-enabled-description = Activer ou désactiver les publications automatiques

home = ville-d-attache
home-description = Voir ou choisir la ville d’attache pour laquelle répondent les commandes de ce serveur (modérateurs)
home-city = ville
home-city-description = Répondre seulement pour cette ville d’attache
home-add = ajouter
home-add-description = Répondre aussi pour cette ville d’attache
home-all = toutes
home-all-description = Répondre pour toutes les villes d’attache que twinbot connaît

about = à-propos
about-description = Ce qu’est twinbot, d’où viennent ses données, et ses commandes
