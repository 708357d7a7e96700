# twinbot українською. Команди: назви (малими літерами, до 32 символів, без пробілів) і описи
# (до 100 символів), словами українського клієнта Discord.

partner = місто-партнер
partner-description = Усе про місто-партнер
partner-city = місто
partner-city-description = Місто-партнер, у будь-якому написанні чи мовою

since = від-року
since-description = Партнерства, укладені в певному році або пізніше
since-year = рік
since-year-description = Перший рік вибірки
since-until = до-року
since-until-description = Останній рік вибірки (типово: без обмеження)

partners = міста-партнери
partners-description = Усі міста-партнери, від найстаршого партнерства

anniversaries = річниці
anniversaries-description = Річниці партнерств у певному році, з позначеними ювілеями
anniversaries-year = рік
anniversaries-year-description = Рік (типово: цей рік)
anniversaries-upcoming = найближчі
anniversaries-upcoming-description = Натомість стільки найближчих річниць із датою, починаючи від сьогодні
anniversaries-calendar = календар
anniversaries-calendar-description = Також додати їх файлом календаря (.ics) для застосунків-календарів

timeline = хронологія
timeline-description = Зображення партнерств за роками з позначеними найближчими ювілеями
map = карта
map-description = Карта міст-партнерів, кожне сполучене зі своїм містом найкоротшим шляхом

announce = оголосити
announce-description = Опублікувати оголошення про річницю партнерства (модератори)
announce-city = місто
announce-city-description = Місто-партнер
announce-channel = канал
announce-channel-description = Де його опублікувати (типово: цей канал)
announce-preview = попередній-перегляд
announce-preview-description = Показати лише тобі, не публікуючи

anniversary-settings = налаштування-річниць
anniversary-settings-description = Переглянути або змінити автоматичні дописи про річниці на цьому сервері (модератори)
anniversary-settings-channel = канал
anniversary-settings-channel-description = Публікувати річниці в цьому каналі (вмикає дописи)
anniversary-settings-time = час
anniversary-settings-time-description = Місцевий час дописів, HH:MM (типово 09:00)
anniversary-settings-timezone = часовий-пояс
anniversary-settings-timezone-description = Часовий пояс IANA, напр. Europe/Kyiv (типово: Europe/London)
anniversary-settings-template = шаблон
anniversary-settings-template-description = Текст оголошення з {"{"}partner{"}"}, {"{"}ordinal{"}"}…; «default» повертає типовий
anniversary-settings-role = роль
anniversary-settings-role-description = Єдина роль, яку згадують в автоматичних дописах (ніколи не @everyone)
anniversary-settings-no-role = без-ролі
anniversary-settings-no-role-description = Більше не згадувати роль
anniversary-settings-digest = добірка
anniversary-settings-digest-description = День добірки партнерств, відомих лише за роком, ММ-ДД (типово 01-01)
anniversary-settings-enabled = увімкнено
anniversary-settings-enabled-description = Увімкнути або вимкнути автоматичні дописи
anniversary-settings-language = мова
anniversary-settings-language-description = Мова дописів (типово: мова сервера)
anniversary-settings-remind-days = днів-наперед
anniversary-settings-remind-days-description = Нагадувати модераторам про кожну річницю за стільки днів (1–90)
anniversary-settings-remind-channel = канал-нагадувань
anniversary-settings-remind-channel-description = Куди надсилати нагадування, наприклад канал модераторів (нікого не згадують)
anniversary-settings-no-reminders = без-нагадувань
anniversary-settings-no-reminders-description = Вимкнути нагадування наперед
anniversary-settings-events = події
anniversary-settings-events-description = Створювати подію сервера для кожної майбутньої річниці, до якої можуть долучитися учасники
anniversary-settings-events-ahead = події-днів-наперед
anniversary-settings-events-ahead-description = Створювати кожну подію за стільки днів до річниці (1–90, типово 30)
anniversary-settings-events-milestones-only = події-лише-ювілеї
anniversary-settings-events-milestones-only-description = Події лише для ювілеїв (60-та, 75-та…)

home = рідне-місто
home-description = Переглянути або вибрати рідне місто, якого стосуються команди цього сервера (модератори)
home-city = місто
home-city-description = Показувати дані лише про це рідне місто
home-add = додати
home-add-description = Показувати дані також про це рідне місто
home-all = усі
home-all-description = Показувати дані про всі рідні міста, які знає twinbot

town = місто
town-description = Створити й вести власне місто цього сервера та його міста-партнери (Керувати сервером)
town-create = створити
town-create-description = Створити власне місто цього сервера зі списку міст світу
town-create-city = місто
town-create-city-description = Твоє місто, як його зазвичай пишуть
town-create-country = країна
town-create-country-description = Дволітерний код його країни (UA, PL…), якщо так називаються кілька міст
town-add = додати
town-add-description = Додати місто-партнер до міста цього сервера
town-add-city = місто
town-add-city-description = Місто-партнер
town-add-year = рік
town-add-year-description = Рік, коли зв’язок оформили
town-add-date = дата
town-add-date-description = Точна дата, РРРР-ММ-ДД, якщо її наводять твої джерела
town-add-month = місяць
town-add-month-description = Місяць (від 1 до 12), якщо відомий лише місяць
town-add-kind = тип
town-add-kind-description = Побратимство, партнерство чи дружба (типово: побратимство)
town-add-source = джерело
town-add-source-description = Адреса вебсторінки, яка це підтверджує
town-add-country = країна
town-add-country-description = Дволітерний код його країни (UA, PL…), якщо так називаються кілька міст
town-edit = редагувати
town-edit-description = Редагувати тексти міста-партнера, а потім його дати й джерела
town-edit-city = місто
town-edit-city-description = Місто-партнер, яке треба редагувати
town-language = мова
town-language-description = Написати тексти міста-партнера іншою мовою
town-language-city = місто
town-language-city-description = Місто-партнер
town-language-lang = мова
town-language-lang-description = Мова, якою ти напишеш його тексти
town-remove = вилучити
town-remove-description = Вилучити одне з міст-партнерів міста цього сервера
town-remove-city = місто
town-remove-city-description = Місто-партнер, яке треба вилучити
town-history = історія
town-history-description = Останні зміни міста цього сервера і хто їх зробив
town-undo = скасувати
town-undo-description = Скасувати останню зміну міста цього сервера
town-export = експортувати
town-export-description = Місто цього сервера у файлах: його дані (TOML) і міста-партнери для електронних таблиць (CSV)
town-import = імпортувати
town-import-description = Замінити місто цього сервера файлом: його даними (TOML) або містами-партнерами (CSV)
town-import-file = файл
town-import-file-description = Змінений файл із «/місто експортувати»: TOML (усе місто) або CSV (міста-партнери)
town-calendar = календар
town-calendar-description = Адреса для підписки на календар цього міста в застосунках-календарях
town-calendar-renew = оновити
town-calendar-renew-description = Створити нову адресу; стара перестане працювати
town-delete = видалити
town-delete-description = Видалити місто цього сервера (його історія зберігається 30 днів)

about = про-бота
about-description = Що таке twinbot, звідки його дані та які в нього команди

# Відповіді бота. Еталон — locales/en-GB/twinbot.ftl: ті самі повідомлення з тими самими змінними.
# Назви міст приходять у називному відмінку й не відмінюються: речення побудовано так, щоб
# називний відмінок читався природно («Leeds: …», «з містом { $home }»).

## Числа й дати

# Порядковий числівник перед «річниця»: 1-та, 60-та.
# Закінчення за останнім словом числівника в називному відмінку жіночого роду («річниця»):
# 1-ша, 2-га, 3-тя, 7-ма, 8-ма, 40-ва, 1000-на, решта -та (11–19, 10, 20, 100 …).
ordinal = { $n }-{ UK_ORDINAL($n) ->
    [first] ша
    [second] га
    [third] тя
    [seventh] ма
    [fortieth] ва
    [thousandth] на
   *[other] та
}

## Розділові знаки, якими код поєднує слова (сам він ніколи не пише « (» чи «, »)

# Примітка в дужках після тексту: «1960 (з містом Dortmund)».
punctuation-aside = { $text } ({ $aside })
# Текст, кома і те, що далі: «@Anna, 6 грудня 2026 р.».
punctuation-comma = { $text }, { $more }
# Два речення одне за одним.
punctuation-sentences = { $first } { $second }
punctuation-semicolon = { $first }; { $second }

## Модель даних

# Дати ($since, $date) мають ту точність, яку знають дані: «2 червня 1969 р.», «червень
# 2014 р.» або «1960». PRECISION($since) — це day, month або year (день, місяць, рік);
# GENITIVE($since) — дата після прийменника, з місяцем у родовому відмінку: «з червня 2014 р.»,
# «з 2 червня 1969 р.»; рік — «з 1960 р.». Саме { $since } — дата в називному відмінку; рік
# без місяця CLDR пише без «р.» («1960»), тож повідомлення додають його самі: «партнерство, 1960 р.».

kind-twinning = побратимство
kind-partnership = партнерство
kind-friendship = дружба
suspended-since = призупинено з { $date }
# Коли зв’язок оформили: $date і $ago з CLDR («57 років тому», «цього року»).
formalised-when = { PRECISION($date) ->
        [year] { $date } р.
       *[other] { $date }
    } ({ $ago })
year-relative = { $diff ->
   *[other] { $cldr }
}
# Після назви партнера у списках: «🇩🇪 Німеччина — побратимство, 2 червня 1969 р.».
partner-line = { $flag } { $country } — { $kind }, { PRECISION($since) ->
        [year] { $since } р.
       *[other] { $since }
    }
# У дужках після рядка партнера, коли в списку кілька рідних міст.
partner-line-with = з містом { $home }
did-you-mean = Можливо, йдеться про { $names }?
data-footer = twinbot · дані: { $files } · оновлено { $updated }
data-footer-undated = twinbot · дані: { $files }
# Звідки дані міста, створеного в Discord, замість назви файлу.
data-own-town = власне місто цього сервера
# Під карткою, коли частина текстів партнера ще не перекладена.
untranslated = Деякі тексти показано так, як їх написали автори даних: перекладу ще немає.

## Помилки будь-якої команди

error-title = Не вдалося
error-unknown-command = Я не знаю команди /{ $command }.
error-removed = Можливо, її вилучили: спробуй { $about }, щоб побачити мої команди.
error-internal = Під час відповіді щось пішло не так. Спробуй ще раз за мить.
error-unreadable = twinbot не зміг прочитати те, що надіслав Discord. Спробуй ще раз за мить; якщо це повториться, повідом того, хто керує ботом.
error-no-option = { $command } не має параметра { $option }.
error-option-needed = Для { $command } потрібен параметр { $option }: { $what }.
error-out-of-range = { $option } має бути від { $min } до { $max }, а не { $value }.
error-not-text = { $option } має бути текстом.
error-not-number = { $option } має бути цілим числом.
error-not-boolean = { $option } має бути true або false.
error-not-channel = { $option } має бути каналом.
error-not-role = { $option } має бути роллю.
error-not-file = { $option } має бути файлом.
moderators-only-title = Лише для модераторів
moderators-only = { $command } — для модераторів: потрібен дозвіл «{ $permission }» у цьому каналі. Звернися до модератора цього сервера.
server-only-title = Лише на сервері
server-only = { $command } працює в каналах сервера, а не в особистих повідомленнях.
# Назва дозволу так, як її показують налаштування Discord.
permission-manage-messages = Керувати повідомленнями
# Так, як його називають налаштування сервера в Discord.
permission-manage-server = Керувати сервером
needs-permission-to-post = Щоб опублікувати оголошення в каналі { $channel }, тобі потрібен дозвіл «{ $permission }» у ньому.
needs-permission-to-schedule = Щоб річниці публікувалися в каналі { $channel }, тобі потрібен дозвіл «{ $permission }» у ньому.
cannot-post = twinbot не може тут публікувати: для цього потрібен токен бота, а цей екземпляр його не має. Попроси того, хто керує twinbot, його налаштувати.
files-need-token = Звідси не вдається надіслати файл: для надсилання файлів потрібен токен бота, а цей екземпляр його не має. Попроси того, хто керує twinbot, його налаштувати.

## /partner

field-country = Країна
field-link = Зв’язок
field-formalised = Укладено
field-status = Статус
field-roots = Витоки
field-areas = Напрями співпраці
field-timeline = Хронологія
field-groups = Організації та спільноти
field-aliases = Інші назви
field-notes = Примітки
field-sources = Джерела
partner-status = { $suspended }: див. примітки.
partner-also-home = { $partner } — тут також рідне місто: { $command } показує і його партнерів, серед них { $home }.
partner-empty = Введи назву міста-партнера, наприклад { $example }.
partner-another-name = «{ $query }» — це { $partner } під іншою назвою.
partner-showing = Показую { $partner } за запитом «{ $query }».
partner-country-title = { $home }: партнери — { $country }
partner-country-hint = Скористайся { $command } з однією з цих назв, щоб дізнатися всю історію.
partner-home-title = { $home } — рідне місто
partner-is-home = { $home } — тут рідне місто: twinbot розповідає про його партнерів.
partner-part-of-home = { $place } — частина міста { $home } (рідне місто в цих партнерствах), а не місто-партнер.
partner-own-links = { $count ->
    [one] { $place } має і власного партнера: { $links }; його історію розповість { $command }.
   *[other] { $place } має і власних партнерів: { $links }; історію першого з них розповість { $command }.
}
partner-own-link = { $name } ({ $kind } з { PRECISION($since) ->
        [year] { $since } р.
       *[other] { GENITIVE($since) }
    })
partner-try-one-of = Спробуй одну з назв: { $names }.
partner-none-title = Партнера не знайдено
partner-none = Запиту «{ $query }» не відповідає жодне місто-партнер ({ $home }).
partner-try-field = Спробуй одне з міст-партнерів ({ $home })
partner-choice = { $name } ({ $country })
partner-choice-with = { $name } ({ $country }) – з містом { $home }

## /since

since-needs-year = Для { $command } потрібен рік.
since-swapped = { $until } ({ $to }) раніше, ніж { $year } ({ $from }): поміняй їх місцями, щоб побачити { $to }–{ $from }.
since-title-in = { $home }: партнерства { $from } року
since-title-range = { $home }: партнерства { $from }–{ $to } років
since-title-since = { $home }: партнерства з { $from } року
since-none-in = У { $from } році не було укладено жодного партнерства.
since-none-range = З { $from } по { $to } рік не було укладено жодного партнерства.
since-none-since = У { $from } році й пізніше не було укладено жодного партнерства.
since-newest = Найновіше партнерство — { $name } ({ $kind }, { PRECISION($since) ->
        [year] { $since } р.
       *[other] { $since }
    }).
since-count = { $count ->
    [one] { $count } партнерство.
    [few] { $count } партнерства.
    [many] { $count } партнерств.
   *[other] { $count } партнерства.
}

## /partners

partners-title = { $home }: міста-партнери ({ $count })
partners-hint = Введи { $command } з назвою міста, щоб дізнатися всю історію.

## /anniversaries і рядки про річниці

anniversaries-calendar-note = 📅 Файл календаря додано: імпортуй його у свій календар; повторний імпорт оновить події, а не продублює їх.
anniversaries-calendar-file = Файл календаря з річницями: { $home }
# Після назви й прапора партнера: «60-та річниця».
anniversary-number = { $ordinal } річниця
anniversary-milestone = ★ ювілей
# Після заголовка: «2 червня 2029 р. (побратимство з 2 червня 1969 р.)», «(… з червня 2014 р.)»,
# «(… з 1960 р.)».
anniversary-when = { PRECISION($date) ->
        [year] { $date } р.
       *[other] { $date }
    } ({ $kind } з { PRECISION($since) ->
        [year] { $since } р.
       *[other] { GENITIVE($since) }
    })
anniversaries-upcoming-title = { $home }: найближчі річниці
anniversaries-upcoming-none = Для жодного партнерства не відомі місяць чи день, від яких можна рахувати.
anniversaries-next-title = { $count ->
    [one] { $home }: { $count } найближча річниця
    [few] { $home }: { $count } найближчі річниці
    [many] { $home }: { $count } найближчих річниць
   *[other] { $home }: { $count } найближчої річниці
}
anniversaries-year-title = { $home }: річниці у { $year } році
anniversaries-year-none = У { $year } році жодному партнерству ще не виповнилося й року.
anniversaries-milestones = { $count ->
    [0] У { $year } році ювілейних річниць немає.
    [one] { $count } ювілейна річниця у { $year } році.
    [few] { $count } ювілейні річниці у { $year } році.
    [many] { $count } ювілейних річниць у { $year } році.
   *[other] { $count } ювілейної річниці у { $year } році.
}

## /announce

announce-no-match = Жоден партнер не відповідає запиту «{ $query }».
announce-which-title = Який партнер?
announce-which = Вибери одне місто-партнер: { $names }.
announce-suspended = Зв’язок із містом { $partner } ({ $kind }) { $suspended }, тому його річниці не оголошуються. Чому — пояснюють примітки в { $command }.
announce-too-early = Зв’язок із містом { $partner } ({ $kind }) триває з { PRECISION($since) ->
        [year] { $since } р.
       *[other] { GENITIVE($since) }
    }, тож перша річниця буде лише у { $year } році.
announce-title = { $partner }: { $ordinal } річниця
announce-preview-title = Попередній перегляд · { $title }
announce-terminal-footer = Лише попередній перегляд: щоб опублікувати, скористайся { $command } на сервері Discord.
announce-would-post-in = Буде опубліковано в
announce-preview-footer = Лише попередній перегляд: нічого не опубліковано. Щоб опублікувати, запусти { $command } без { $preview }.
announce-posting-title = Публікація · { $title }
announce-posting = Публікую в каналі { $channel }…
announce-posted-title = Оголошення опубліковано
announce-posted = Опубліковано в каналі { $channel }.
announce-posted-link = Опубліковано в каналі { $channel }: { $link }.
announce-see-message = переглянути повідомлення
announce-not-posted = Не опубліковано
# $reason — власний статус, повідомлення й код Discord: «403 Missing Permissions (code 50013)».
announce-refused = Discord відхилив публікацію: { $reason }.
announce-refused-permissions = Дай ботові в цьому каналі дозволи «Переглядати канал», «Надсилати повідомлення» і «Читати історію повідомлень».
announce-refused-access = Бот не бачить цього каналу: дай йому там дозвіл «Переглядати канал».
announce-refused-channel = Цього каналу більше немає: вибери інший канал.
announce-refused-events = Дай twinbot дозвіл «Створювати події» (Налаштування сервера › Ролі).
# $reason — власні слова мережі чи Discord.
announce-failed = Не вдалося надіслати публікацію: { $reason }.

## /home

home-not-changed = Рідне місто не змінено
home-unknown = У twinbot немає рідного міста «{ $query }».
home-knows = twinbot знає такі рідні міста: { $homes }.
home-title = Рідні міста
home-saved-title = Рідні міста збережено
home-every = Команди тут стосуються всіх рідних міст: { $homes }.
home-answers = Команди тут показують дані про { $homes }: /місто-партнер, /від-року, /міста-партнери, /річниці, /оголосити і дописи про річниці.
home-terminal = Кожен сервер вибирає це командою /рідне-місто в Discord, а discord.home у config.toml задає типове значення. Тут, у терміналі, додай до команди --home NAME, щоб вона стосувалася лише одного рідного міста.
home-known-field = Рідні міста, які знає twinbot
home-partners-field = { $homes }: партнери
home-partner-count = { $count ->
    [one] { $home }: { $count } місто-партнер
    [few] { $home }: { $count } міста-партнери
    [many] { $home }: { $count } міст-партнерів
   *[other] { $home }: { $count } міста-партнера
}
home-save-failed = Не вдалося зберегти рідні міста: { $error }

## /about

about-title = Про twinbot
about-intro = twinbot відповідає на запитання про міста-партнери ({ $homes }): загалом { $count ->
    [one] { $count } партнерство
    [few] { $count } партнерства
    [many] { $count } партнерств
   *[other] { $count } партнерства
}. Вводь назви як завгодно: з помилками, іншою мовою чи іншим письмом.
about-data-field = Дані
about-data-line = { $home }: { $file }, оновлено { $updated }
about-data-line-undated = { $home }: { $file }
about-sources = Джерела кожного партнера наведено разом із ним у { $command }.
about-places-field = Назви місць
about-places = Групи починають файли своїх міст зі світового географічного довідника twinbot: { $geonames } (міста з населенням від 15 000 осіб і їхні назви всіма системами письма), CC BY 4.0.
about-commands-field = Команди
about-languages-field = Мови
about-languages = twinbot відповідає мовою твого Discord, якщо знає її: { $languages }.

## /anniversary-settings

settings-not-saved = Налаштування не збережено
settings-save-failed = Не вдалося зберегти налаштування: { $error }
settings-conflict = Тим часом { $fields } змінено ({ $who }, { $day } о { $time } UTC), тому нічого не збережено. Переглянь налаштування ще раз і повтори свою зміну.
settings-conflict-someone = хтось
settings-not-a-time = «{ $value }» — не час доби: напиши HH:MM у 24-годинному форматі, наприклад 09:00 або 18:30.
settings-not-a-timezone = «{ $value }» — не часовий пояс IANA.
settings-pick-timezone = Вибери пояс зі списку, поки вводиш.
settings-not-a-day = «{ $value }» — не день року: напиши ММ-ДД, наприклад 01-01 для 1 січня.
settings-not-a-language = «{ $value }» — не мова, якою публікує twinbot: вибери одну з цих: { $languages }.
settings-template-not-saved = Шаблон не збережено: { $error }.
# $placeholders — список заповнювачів, як-от {partner}; $open і $close — це {{ і }}.
settings-placeholders = Заповнювачі: { $placeholders }; щоб написати фігурні дужки, пиши { $open } і { $close }.
settings-everyone = Це роль @everyone: twinbot ніколи не згадує всіх. Вибери роль, яку учасники можуть узяти за бажанням.
settings-choose-channel = Вибери канал для дописів: { $example }
settings-title-config = Дописи про річниці (config.toml)
settings-title-server = Дописи про річниці на цьому сервері
settings-title-saved = Налаштування річниць збережено
settings-on = Увімкнено, у каналі { $channel }
settings-off-kept = Вимкнено (канал { $channel } збережено). Щоб увімкнути: { $example }.
settings-off = Вимкнено. Щоб увімкнути, вибери канал: { $example }
settings-time-value = { $time } { $zone } (сьогодні це { $utc } UTC)
settings-role-only = Лише { $role } (ніколи @everyone чи @here)
settings-role-none = Немає: дописи нікого не згадують
settings-template-default = Типовий шаблон — { $language }
settings-language-default = { $language } (мова сервера)
settings-field-posts = Автоматичні дописи
settings-field-time = Час
settings-field-digest = День добірки
settings-field-role = Згадка ролі
settings-field-language = Мова дописів
settings-field-reminders = Нагадування модераторам
settings-reminders-on = За { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}, у каналі { $channel }
settings-reminders-off = Вимкнено
settings-reminders-need-both = Для нагадувань потрібно вказати і кількість днів, і канал: { $example }
settings-field-events = Події сервера
settings-events-off = Вимкнено. { $example } створює подію сервера для кожної майбутньої річниці — учасники можуть позначити «Цікавить».
settings-events-on = Для кожної річниці, за { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[other] { $days } днів
}
settings-events-on-milestones = Для ювілеїв, за { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[other] { $days } днів
}
settings-events-no-permission = ⚠️ twinbot не може створювати тут події: дай йому дозвіл «Створювати події» (Налаштування сервера › Ролі).
settings-event-made = 📅 { $name } · { $when }
settings-event-coming = ⏳ { $name } · { $when } (буде створено)
settings-event-deleted = 🗑️ { $name } · видалено в Discord, повторно не створюється
settings-events-more = { $count ->
    [one] На цей час припадає ще { $count } річниця: twinbot тримає одночасно лише { $max } своїх найближчих подій.
    [few] На цей час припадають ще { $count } річниці: twinbot тримає одночасно лише { $max } своїх найближчих подій.
   *[other] На цей час припадає ще { $count } річниць: twinbot тримає одночасно лише { $max } своїх найближчих подій.
}
anniversaries-event = подія
settings-field-template = Шаблон
settings-field-next = Наступні дописи
settings-field-problems = Проблеми
settings-field-recent = Нещодавно опубліковано
settings-saved-on = Збережено для цього сервера, { $date }
settings-from-config = З config.toml ([anniversaries])
settings-defaults = Типові значення: ще нічого не збережено
settings-digest-of = { $count ->
    [one] добірка за { $year } рік: { $count } річниця
    [few] добірка за { $year } рік: { $count } річниці
    [many] добірка за { $year } рік: { $count } річниць
   *[other] добірка за { $year } рік: { $count } річниці
}
settings-problem = ⚠️ { $key } · заплановано на { $due } · { $state }
problem-refused = відхилено, буде ще спроба (спроба { $attempts } з { $max })
problem-failed = не вдалося, буде ще спроба (спроба { $attempts } з { $max })
problem-gave-up = { $attempts ->
    [one] не опубліковано після { $attempts } спроби
   *[other] не опубліковано після { $attempts } спроб
}
problem-missed = пропущено, поки twinbot не працював
# У дужках після допису, опублікованого із запізненням.
settings-belated = із запізненням

## Шаблони оголошень

template-unknown = невідомий заповнювач { $placeholder } на позиції { $at }; заповнювачі: { $placeholders }
template-unclosed = { $open } на позиції { $at } не закрито: напиши { $example } або { $double } для буквальної дужки
template-unopened = { $close } на позиції { $at } не має відкривної { $open }: напиши { $double } для буквальної дужки
template-empty = шаблон порожній
template-too-long = оголошення для { $partner } мало б { $length } { $length ->
    [one] символ
    [few] символи
   *[other] символів
}, більше за дозволені для оголошення { $max } (Discord дозволяє { $limit } у повідомленні; решту залишено для згадки ролі й позначки про запізнення): скороти шаблон

## Дописи

# Вбудоване оголошення. Змінні: $ordinal (60-та, 62-га), $kind (побратимство), $home і $partner
# (назви міст: лише в називному відмінку), $country, $since (2 червня 1969 р.), $years (60),
# $date (дата річниці).
post-default = 🎉 Сьогодні { $ordinal } річниця! З { PRECISION($since) ->
        [year] { $since } р.
       *[other] { GENITIVE($since) }
    } міста { $home } і { $partner } ({ $country }) пов’язує { $kind }. Вітаємо!
post-digest-title = { $home }: річниці у { $year } році
post-digest-intro = { " " }— партнерства, відомі лише за роком:
post-digest-line = { $kind } з містом { $home } з { $since } р.
post-digest-more = … і ще { $count }.
schedule-anniversary = { $name }: { $ordinal } річниця ({ PRECISION($date) ->
        [year] { $date } р.
       *[other] { $date }
    })
schedule-milestone = ювілей
# Річниця в списках для планування (добірка, наступні дописи): «Amiens (69-та річниця)».
anniversary-brief = { $name } ({ $ordinal } річниця)
anniversary-brief-milestone = { $name } ({ $ordinal } річниця, ювілей)
schedule-digest = добірка за { $year } рік: { $names }
reminder = { $ordinal } річниця партнерства з містом { $name } — { $days ->
    [1] завтра
    [one] через { $days } день
    [few] через { $days } дні
    [many] через { $days } днів
   *[other] через { $days } дня
} ({ PRECISION($date) ->
        [year] { $date } р.
       *[other] { $date }
    })
schedule-reminder = нагадування: { $reminder }
schedule-event = подія сервера: { $name } (буде створено { $made })
post-belated = Із запізненням: це мало бути опубліковано { $date } о { $time } ({ $zone }), коли twinbot не працював.

## Календарі (файли iCalendar з річницями)

calendar-name = { $home }: річниці партнерств
calendar-summary = { $partner } – { $ordinal } річниця: { $kind } з містом { $home }
calendar-day-unknown = Відомий лише місяць ({ $month }): календар показує цю річницю першого числа місяця.
calendar-month-unknown = Відомий лише рік ({ $year }): календар показує цю річницю 1 січня.
calendar-source = Джерело: { $url }
event-name = { $home } ↔ { $partner }: { $ordinal } річниця
event-location = { $home }, { $homecountry } ↔ { $partner }, { $partnercountry }

## /хронологія

timeline-next = { $ordinal } · { $year }
timeline-kind-year = { $kind } · { $year }
cover-number = { $ordinal }
timeline-title = { $home }: партнерства за роками
timeline-key-formalised = укладено
timeline-key-milestone = поновлення й угоди
timeline-key-next = найближчий ювілей
timeline-alt = Хронологія { $count ->
    [1] партнерства
    [one] { $count } партнерства
   *[other] { $count } партнерств
} ({ $home }), від найдавнішого, з позначеними найближчими ювілеями.
timeline-empty = Місто { $home } поки не має в даних жодного міста-партнера.
timeline-more = Без власного рядка (на зображенні вміщується { $count }): { $names }

## /карта

map-title = Міста-партнери: { $home }
map-key-home = рідне місто
map-alt = Карта { $count ->
    [1] міста-партнера ({ $home }), сполученого
    [one] { $count } міста-партнера ({ $home }), кожне сполучене
   *[other] { $count } міст-партнерів ({ $home }), кожне сполучене
} зі своїм містом найкоротшим шляхом по земній кулі.
map-unplaced = Немає на карті (у даних немає координат): { $names }
map-unlabelled = Надто близько одне до одного, щоб підписати на карті: { $names }
map-credit = Суходіл: Natural Earth
map-no-coordinates = У даних поки немає координат міста { $home }, тож карту не намалювати.

## Кнопки й форми (будь-якої команди)

button-cancel = Скасувати
pending-gone-title = Це вже завершено
pending-gone = Ця кнопка більше нічого не робить. Скористайся командою ще раз.
pending-expired = Час минув: кнопки й форми працюють 15 хвилин. Скористайся командою ще раз.
pending-done = Це вже зроблено.
pending-not-yours-title = Не для тебе
pending-not-yours = Кнопками й формами команди може користуватися лише той учасник, який її викликав.

## /місто

# $commands перелічує підкоманди: «/місто створити, /місто додати або /місто скасувати».
town-choose = Вибери, що зробити: { $commands }.
town-off-title = Власні міста вимкнено
town-off = Той, хто керує цим twinbot, вимкнув /місто.
town-none-title = Міста ще немає
town-none = Цей сервер ще не має власного міста. Створи його командою { $create }.
town-exists-title = Цей сервер уже має місто
town-exists = Місто цього сервера — уже { $town }. Щоб почати знову, спершу видали його командою { $delete }.
town-world-missing-title = Немає списку міст світу
town-world-missing = Цей twinbot не може прочитати свій список міст світу, тож тут не можна ні створювати міста, ні додавати до них партнерів. Той, хто керує twinbot, може це виправити.
town-not-found-title = Місто не знайдено
town-not-found = У списку міст світу немає міста з назвою { $query }.
# $places: «Brno (CZ), Bruno (IT) або Brod (CZ)».
town-did-you-mean = Можливо, йдеться про { $places }?
town-created-title = Місто створено
town-created = { $town } — тепер власне місто цього сервера: команди тут стосуються його. Додай його міста-партнери командою { $add }.
# $took — вибране місто, $others — інші міста з такою назвою, $country — параметр, що вибирає одне з них.
town-others = Назву { $name } мають і інші міста, тож вибрано найбільше за населенням: { $took }. Інші: { $others }. Якщо йдеться про одне з них, видали це місто і створи його знову з параметром { $country }.
town-facts-field = Зі списку міст світу
# Там живе $count людей.
town-people = { $count ->
    [one] { $count } мешканець
    [few] { $count } мешканці
    [many] { $count } мешканців
   *[other] { $count } мешканця
}
town-add-form-title = Партнерство: { $city }
town-add-summary = Короткий опис
town-add-summary-placeholder = Кількома власними реченнями: як виник зв’язок і чим він живе.
town-add-roots = Витоки (необов’язково)
town-add-roots-placeholder = Давніші контакти, як-от шкільні обміни 1950-х років
town-add-notes = Примітки (необов’язково)
town-add-notes-placeholder = У чому твої джерела розходяться
town-add-milestone = Перший запис хронології (необов’язково)
town-add-milestone-placeholder = Угоду підписано в ратуші
town-field-source = Джерело
town-date-invalid = { $value } — не дата. Напиши її у форматі РРРР-ММ-ДД, наприклад 1969-06-02.
town-kind-invalid = { $value } — не тип зв’язку. Вибери один із типів: побратимство, партнерство, дружба.
town-source-invalid = { $value } — не вебадреса. Напиши повну адресу, що починається з https://.
town-added-title = Партнера додано
town-added = { $partner } — тепер партнер міста { $town } (з { PRECISION($since) ->
        [year] { $since } р.
       *[other] { GENITIVE($since) }
    }).
town-summary-field = Короткий опис
town-edit-form-title = { $city }: тексти
town-edit-areas = Напрями (по одному на рядок, необов’язково)
town-edit-areas-placeholder = На чому зосереджений зв’язок, як-от освіта й обміни
town-edited-title = Збережено
town-edited = Тексти партнера { $partner } збережено. Далі можна змінити його дати, тип і джерела, якщо треба.
button-more-facts = Дати й джерела…
button-try-again = Спробувати ще раз
town-facts-form-title = { $city }: дати й джерела
town-facts-year = Рік оформлення
town-facts-year-placeholder = 1969
town-facts-date = Дата або місяць (РРРР-ММ-ДД чи РРРР-ММ)
town-facts-date-placeholder = 1969-06-02, або 1969-06, або порожньо, якщо відомий лише рік
town-facts-kind = Тип: побратимство, партнерство чи дружба
town-facts-kind-placeholder = побратимство
town-facts-suspended = Призупинено з (РРРР-ММ-ДД, необов’язково)
town-facts-suspended-placeholder = Порожньо, поки обміни тривають
town-facts-sources = Джерела (по одній вебадресі на рядок)
town-facts-sources-placeholder = https://…
town-facts-saved = Дати, тип і джерела партнера { $partner } збережено.
town-year-invalid = { $value } — не рік: напиши чотири цифри, від 1000 до 9999.
# $language — назва мови: «німецька».
town-translate-form-title = { $city } ({ $language })
town-translated-title = Переклад збережено
town-translated = Тексти партнера { $partner } ({ $language }) збережено.
town-translation-removed = Тексти партнера { $partner } ({ $language }) вилучено: хто читає цією мовою, тепер бачить оригінальні тексти міста.
town-translate-name = Назва ({ $language }, необов’язково)
town-translate-name-placeholder = Якщо лишити порожнім, залишиться { $city }
town-name-saved = Назву партнера { $partner } ({ $language }) збережено: { $name }.
town-name-removed = Назву партнера { $partner } ({ $language }) вилучено: хто читає цією мовою, тепер бачить оригінальну назву.
town-translation-none = Для партнера { $partner } ({ $language }) нічого не збережено.
town-language-own = Дані міста вже написано цією мовою ({ $language }): зміни тексти командою { $edit }.
town-not-saved-title = Не збережено
town-is-home = { $city } — це саме місто цього сервера: місто не може бути партнером самому собі.
# $as — назва, під якою місто вже має цього партнера.
town-duplicate = Місто { $town } уже має партнера { $partner } — під назвою { $as }.
town-no-partner-title = Партнера не знайдено
town-no-partner = Місто { $town } не має партнера з назвою { $query }.
town-too-many-partners = Місто може мати щонайбільше { $limit ->
    [one] { $limit } місто-партнер
    [few] { $limit } міста-партнери
    [many] { $limit } міст-партнерів
   *[other] { $limit } міста-партнера
}.
town-too-many-milestones = Партнерство може мати щонайбільше { $limit ->
    [one] { $limit } запис
    [few] { $limit } записи
    [many] { $limit } записів
   *[other] { $limit } запису
} у хронології.
town-too-many-sources = Партнерство може наводити щонайбільше { $limit ->
    [one] { $limit } джерело
    [few] { $limit } джерела
    [many] { $limit } джерел
   *[other] { $limit } джерела
}.
town-too-big = Дані міста можуть займати щонайбільше { $limit ->
    [one] { $limit } байт
    [few] { $limit } байти
    [many] { $limit } байтів
   *[other] { $limit } байта
}.
town-too-long = { $field }: щонайбільше { $limit ->
    [one] { $limit } символ
    [few] { $limit } символи
    [many] { $limit } символів
   *[other] { $limit } символу
}.
town-invalid = Нічого не змінено. Дані міста не пройшли б перевірок twinbot:
town-remove-title = Вилучити { $partner }?
town-remove-confirm = { $partner } більше не буде партнером міста { $town }, а річниці цього партнерства не публікуватимуться. { $undo } поверне його.
button-remove = Вилучити
town-removed-title = Партнера вилучено
town-removed = { $partner } більше не партнер міста { $town }. { $undo } поверне його.
town-cancelled-title = Нічого не змінено
town-cancelled = Нічого не змінено.
town-history-title = Історія міста { $town }
town-history-how-field = Скасування
town-history-undo = { $undo } скасовує останню зміну; кожне наступне використання повертає ще на крок назад.
town-by-operator = оператор twinbot
town-change-created = створено місто { $home }
town-change-added = додано партнера { $partner }
town-change-edited = змінено дані партнера { $partner }
# $language — назва мови: «німецька».
town-change-translated = додано переклад для партнера { $partner } ({ $language })
town-change-removed = вилучено партнера { $partner }
town-change-undid = скасовано: { $what }
town-change-deleted = видалено місто
town-change-other = місто змінено новішою версією twinbot
town-undo-title = Нічого скасовувати
town-nothing-to-undo = Немає нічого ранішого, що можна скасувати: це місто в тому вигляді, в якому його створили.
town-undone-title = Скасовано
town-undone = Скасовано: { $what }. Скористайся { $undo } ще раз, щоб повернутися ще далі.
town-delete-title = Видалити { $town }?
town-delete-confirm = Команди цього сервера більше не стосуватимуться міста { $town }, а річниці його партнерств не публікуватимуться. Історія міста зберігається { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}, і доти { $undo } поверне його.
button-delete = Видалити
town-deleted-title = Місто видалено
town-deleted = { $town } більше не місто цього сервера. Історія міста зберігається { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}, і доти { $undo } поверне його.
town-export-title = Файли міста { $town }
town-exported = У вкладенні — місто { $town } і { $count ->
    [one] його { $count } місто-партнер
    [few] його { $count } міста-партнери
    [many] його { $count } міст-партнерів
   *[other] його { $count } міста-партнера
}: файл TOML містить усі його дані у форматі файлів даних twinbot, а файл CSV — його міста-партнери для електронної таблиці. Зміни будь-який із них і завантаж назад командою { $import }.
town-export-toml = { $town }: усі дані (TOML)
town-export-csv = { $town }: міста-партнери для електронної таблиці (CSV)
town-import-no-file = Додай файл для імпорту: файл TOML або CSV, як ті, що дає експорт.
town-import-reading-title = Читаю { $file }…
town-import-title = Імпортувати { $file }?
town-import-preview = Імпорт { $file } вніс би в місто { $town } такі зміни. Поки ти не натиснеш «Імпортувати», нічого не зміниться.
town-import-same = { $file } містить місто { $town } таким, яким воно є зараз: імпортувати нічого.
town-import-added = { $count ->
    [one] Додано { $count } місто-партнер
    [few] Додано { $count } міста-партнери
    [many] Додано { $count } міст-партнерів
   *[other] Додано { $count } міста-партнера
}
town-import-removed = { $count ->
    [one] Вилучено { $count } місто-партнер
    [few] Вилучено { $count } міста-партнери
    [many] Вилучено { $count } міст-партнерів
   *[other] Вилучено { $count } міста-партнера
}
town-import-changed = { $count ->
    [one] Змінено { $count } місто-партнер
    [few] Змінено { $count } міста-партнери
    [many] Змінено { $count } міст-партнерів
   *[other] Змінено { $count } міста-партнера
}
# Останній елемент скороченого списку назв: «Amiens, Brno і ще 12».
town-import-more = ще { $count }
town-import-home = Саме місто
town-import-home-changed = Змінюються й власні дані міста: назва, опис, інші назви чи розташування.
button-import = Імпортувати
town-imported-title = Імпортовано
town-imported = Готово: { $what }. { $undo } скасує це.
town-import-refused-title = { $file } не імпортовано
import-wrong-kind = Імпортувати можна лише файли TOML (.toml) і CSV (.csv), як ті, що дає експорт.
import-not-discord = Файл має бути вкладенням із Discord; цей розміщено на { $host }.
import-redirected = Адреса файлу переспрямувала twinbot на { $host }, а це не Discord.
import-content-type = Це файл типу { $type }, а не текст.
import-timeout = Файл не надійшов за { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунди
    [many] { $seconds } секунд
   *[other] { $seconds } секунди
}. Спробуй ще раз за мить.
import-unreachable = Discord не передав файл. Спробуй ще раз за мить.
import-too-big = Файл має розмір { $size } КБ; імпортувати можна щонайбільше { $limit } КБ.
import-not-text = Файл не є звичайним текстом (UTF-8). Збережи його як текст у UTF-8 і спробуй ще раз.
import-too-deep = Рядок { $line }: дужки або назви з крапками мають понад { $limit ->
    [one] { $limit } рівень
    [few] { $limit } рівні
    [many] { $limit } рівнів
   *[other] { $limit } рівня
} вкладеності, а жодному місту це не потрібно.
import-csv-needs-town = Файл CSV змінює міста-партнери, а цей сервер ще не має міста. Створи його командою { $create } або імпортуй файл TOML.
import-unknown-column = Рядок { $line }: { $column } — не стовпець міста. Можливі стовпці: { $known }.
import-no-name-column = Перший рядок має називати стовпці, і один із них має називатися «name».
import-formula = Рядок { $line }, стовпець { $column }: { $text } починається як формула електронної таблиці, а формули ніколи не імпортуються. Якщо це має бути текст, постав перед ним символ '.
import-bad-cell = Рядок { $line }, стовпець { $column }: { $text } — неприпустиме значення для цього стовпця; підійде, наприклад, { $example }.
import-twice = Рядок { $line }: { $partner } згадано двічі.
import-csv = Рядок { $line }: це не коректний файл CSV ({ $why }).
# $file — назва файлу; решта змінних — кількість міст-партнерів.
town-change-imported = імпортовано { $file } (додано: { $added }, вилучено: { $removed }, змінено: { $changed })
town-calendar-title = Календар міста { $town }
town-calendar-address = За цією адресою застосунки-календарі можуть підписатися на річниці міста { $town }. Хто її має, може читати календар, тож ділися нею лише зі своєю групою. Якщо вона потрапить до інших, { $renew } створить нову.
town-calendar-renewed = Календар міста { $town } має нову адресу: стара більше не працює. Усім, хто підписався, потрібна ця.
town-calendar-off-title = Тут немає календарів
town-calendar-off = Цей twinbot не надає підписок на календарі. Той, хто ним керує, може їх увімкнути.
town-slow-down-title = Повільніше
town-slow-down = Цей сервер за короткий час змінив своє місто багато разів. Спробуй ще раз через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунди
    [many] { $seconds } секунд
   *[other] { $seconds } секунди
}.
# $who — учасник і день: «@Anna, 6 грудня 2026 р.».
town-conflict = Не збережено: місто цього сервера тим часом змінилося ({ $what } — { $who }). Переглянь його ще раз і спробуй знову.

## Відповіді через власний обліковий запис учасника

# Перший рядок відповіді, яку Discord показує лише учасникові: він додав twinbot до свого облікового
# запису, сервер, де його використано, — ні, і учасник не має там дозволу «Використовувати зовнішні
# застосунки» (назва, як її, ймовірно, показують налаштування Discord; в українському клієнті не перевірено).
external-apps-only-you = Це бачиш лише ти: twinbot додано до твого облікового запису, а не до цього сервера, і ти не маєш тут дозволу «Використовувати зовнішні застосунки», тож Discord показує його відповіді лише тобі.
