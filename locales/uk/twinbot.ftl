# twinbot українською. Команди: назви (малими літерами, до 32 символів, без пробілів) і описи
# (до 100 символів), словами українського клієнта Discord.

partner = місто-партнер
partner-description = Усе про одне місто-партнера
partner-city = місто
partner-city-description = Місто-партнер, у будь-якому написанні чи мовою

since = від-року
since-description = Партнерства, укладені в певному році або пізніше
since-year = рік
since-year-description = Перший рік, який включити
since-until = до-року
since-until-description = Останній рік, який включити (типово: без обмеження)

partners = міста-партнери
partners-description = Усі міста-партнери, від найстаршого партнерства

anniversaries = річниці
anniversaries-description = Річниці партнерств у певному році, з позначеними ювілеями
anniversaries-year = рік
anniversaries-year-description = Рік (типово: цей рік)
anniversaries-upcoming = найближчі
anniversaries-upcoming-description = Натомість стільки найближчих річниць із датою, починаючи від сьогодні

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

home = рідне-місто
home-description = Переглянути або вибрати рідне місто, від імені якого відповідають команди цього сервера (модератори)
home-city = місто
home-city-description = Відповідати лише за це рідне місто
home-add = додати
home-add-description = Відповідати також за це рідне місто
home-all = усі
home-all-description = Відповідати за всі рідні міста, які знає twinbot

about = про-бота
about-description = Що таке twinbot, звідки його дані та які в нього команди
