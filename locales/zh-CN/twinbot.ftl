# twinbot 简体中文。命令：名称（小写、不超过 32 个字符、不含空格）和说明（不超过 100 个字符），
# 用语与 Discord 简体中文客户端一致。

partner = 友好城市
partner-description = 关于一座友好城市的一切
partner-city = 城市
partner-city-description = 友好城市，任何拼写或语言均可

since = 自某年起
since-description = 在某年或之后缔结的友好关系
since-year = 年份
since-year-description = 包含的第一年
since-until = 截至
since-until-description = 包含的最后一年（默认：不限）

partners = 全部友好城市
partners-description = 全部友好城市，按缔结时间从早到晚排列

anniversaries = 周年纪念
anniversaries-description = 某一年的友好关系周年纪念，并标出整数周年
anniversaries-year = 年份
anniversaries-year-description = 年份（默认：今年）
anniversaries-upcoming = 接下来几个
anniversaries-upcoming-description = 改为列出从今天起接下来的若干个有日期的周年纪念
anniversaries-calendar = 日历
anniversaries-calendar-description = 同时附上日历文件（.ics），供日历应用使用

timeline = 时间线
timeline-description = 历年友好关系的图示，并标出接下来的整数周年
map = 地图
map-description = 友好城市地图，每个城市以最短路线与其主城市相连

announce = 发布公告
announce-description = 发布某个友好关系的周年纪念公告（版主）
announce-city = 城市
announce-city-description = 友好城市
announce-channel = 频道
announce-channel-description = 发布到哪里（默认：本频道）
announce-preview = 预览
announce-preview-description = 只给你看，不发布

anniversary-settings = 周年设置
anniversary-settings-description = 查看或更改本服务器的周年纪念自动公告（版主）
anniversary-settings-channel = 频道
anniversary-settings-channel-description = 在此频道发布周年纪念（开启自动发布）
anniversary-settings-time = 时间
anniversary-settings-time-description = 发布的当地时间，HH:MM（默认09:00）
anniversary-settings-timezone = 时区
anniversary-settings-timezone-description = IANA 时区，例如 Asia/Shanghai（默认：Europe/London）
anniversary-settings-template = 模板
anniversary-settings-template-description = 公告文字，可用 {"{"}partner{"}"}、{"{"}ordinal{"}"}…；填“default”恢复默认
anniversary-settings-role = 身份组
anniversary-settings-role-description = 自动公告中唯一会提及的身份组（绝不提及 @everyone）
anniversary-settings-no-role = 不提及身份组
anniversary-settings-no-role-description = 不再提及任何身份组
anniversary-settings-digest = 汇总
anniversary-settings-digest-description = 只知年份的友好关系的年度汇总日期，MM-DD（默认01-01）
anniversary-settings-enabled = 启用
anniversary-settings-enabled-description = 开启或关闭自动发布
anniversary-settings-language = 语言
anniversary-settings-language-description = 公告使用的语言（默认：服务器的语言）
anniversary-settings-remind-days = 提前提醒天数
anniversary-settings-remind-days-description = 提前多少天提醒版主（1–90）
anniversary-settings-remind-channel = 提醒频道
anniversary-settings-remind-channel-description = 提醒发到哪里，例如版主频道（不会提及任何人）
anniversary-settings-no-reminders = 关闭提醒
anniversary-settings-no-reminders-description = 停止提前提醒
anniversary-settings-events = 活动
anniversary-settings-events-description = 为每个即将到来的周年纪念日创建服务器活动，成员可以参加
anniversary-settings-events-ahead = 活动提前天数
anniversary-settings-events-ahead-description = 提前多少天创建活动（1–90，默认30）
anniversary-settings-events-milestones-only = 仅整数周年活动
anniversary-settings-events-milestones-only-description = 只为整数周年创建活动（60周年、75周年…）

home = 主城市
home-description = 查看或选择本服务器的命令针对哪座主城市回答（版主）
home-city = 城市
home-city-description = 只针对这座主城市回答
home-add = 添加
home-add-description = 同时针对这座主城市回答
home-all = 全部
home-all-description = 针对 twinbot 所知的每一座主城市回答

town = 城市
town-description = 创建并维护本服务器自己的城市及其友好城市（管理服务器）
town-create = 创建
town-create-description = 从世界城市列表中创建本服务器自己的城市
town-create-city = 城市
town-create-city-description = 你的城市，按通常的写法输入
town-create-country = 国家
town-create-country-description = 所在国家的两字母代码（CN、DE…），用于区分同名城市
town-add = 添加
town-add-description = 为本服务器的城市添加一座友好城市
town-add-city = 城市
town-add-city-description = 友好城市
town-add-year = 年份
town-add-year-description = 友好关系缔结的年份
town-add-date = 日期
town-add-date-description = 确切日期，YYYY-MM-DD（如果来源中有）
town-add-month = 月份
town-add-month-description = 月份（1到12），仅知道月份时填写
town-add-kind = 类型
town-add-kind-description = 友好城市关系、伙伴城市关系或友好交流关系（默认：友好城市关系）
town-add-source = 来源
town-add-source-description = 能证实这一点的网页地址
town-add-country = 国家
town-add-country-description = 所在国家的两字母代码（CN、DE…），用于区分同名城市
town-edit = 编辑
town-edit-description = 编辑一座友好城市的文字内容，然后编辑其日期和来源
town-edit-city = 城市
town-edit-city-description = 要编辑的友好城市
town-language = 语言
town-language-description = 用另一种语言撰写一座友好城市的文字内容
town-language-city = 城市
town-language-city-description = 友好城市
town-language-lang = 语言
town-language-lang-description = 撰写其文字内容所用的语言
town-remove = 移除
town-remove-description = 从本服务器的城市中移除一座友好城市
town-remove-city = 城市
town-remove-city-description = 要移除的友好城市
town-history = 历史记录
town-history-description = 本服务器城市的最近更改，以及更改者
town-undo = 撤销
town-undo-description = 撤销本服务器城市的最近一次更改
town-export = 导出
town-export-description = 将本服务器的城市导出为文件：全部数据（TOML）和供电子表格使用的友好城市列表（CSV）
town-import = 导入
town-import-description = 用文件替换本服务器的城市：全部数据（TOML）或友好城市列表（CSV）
town-import-file = 文件
town-import-file-description = 由“/城市 导出”得到并修改过的文件：TOML（全部数据）或 CSV（友好城市）
town-calendar = 日历
town-calendar-description = 本服务器城市的日历订阅地址，供日历应用使用
town-calendar-renew = 重置
town-calendar-renew-description = 生成新地址；旧地址将失效
town-delete = 删除
town-delete-description = 删除本服务器的城市（历史记录保留30天）

about = 关于
about-description = twinbot 是什么、数据来自哪里，以及它的命令

# 机器人的回复，逐条对应 locales/en-GB/twinbot.ftl，变量相同。城市名按原样（主格）传入，不作变化。

## 数字与日期

# “周年”前的数字：1、2、60。
# 序数只用于“周年”之前：“60周年”，不写“第60周年”。
ordinal = { $n }

## 代码连接词语所用的标点（代码本身从不写“ (”或“, ”）

# 文字后括号里的说明：“1960年（与 Dortmund 结好）”。全角括号前不加空格。
punctuation-aside = { $text }（{ $aside }）
# 文字、逗号及其后的内容：“@Anna，2026年12月6日”。
punctuation-comma = { $text }，{ $more }
# 前后两个句子：句号后不加空格。
punctuation-sentences = { $first }{ $second }
punctuation-semicolon = { $first }；{ $second }

## 数据模型

# 日期（$since、$date）的精确度与数据一致：“1969年6月2日”“2014年6月”或“1960年”。
# PRECISION($since) 为 day、month 或 year（日、月、年），可按情况措辞；GENITIVE($since)
# 是介词后的日期（中文与 { $since } 相同）。

kind-twinning = 友好城市关系
kind-partnership = 伙伴城市关系
kind-friendship = 友好交流关系
suspended-since = 自{ $date }起暂停
# 友好关系何时缔结：$date，以及 CLDR 的 $ago（“57年前”“今年”）。
formalised-when = { $date }（{ $ago }）
year-relative = { $diff ->
   *[other] { $cldr }
}
# 列表中友好城市名称之后：“🇩🇪 德国 — 友好城市关系，1969年6月2日”。
partner-line = { $flag } { $country } — { $kind }，{ $since }
# 列表中有多座主城市时，放在友好城市那一行后的括号里。
partner-line-with = 与 { $home } 结好
did-you-mean = 你是不是要找 { $names }？
data-footer = twinbot · 数据：{ $files } · 更新于{ $updated }
data-footer-undated = twinbot · 数据：{ $files }
# 在 Discord 中创建的城市的数据来源，代替文件名。
data-own-town = 本服务器自己的城市
# 某座友好城市的部分文字尚无译文时，显示在卡片下方。
untranslated = 部分文字按数据作者所写的原文显示：尚未翻译。

## 每个命令都可能给出的错误

error-title = 出错了
error-unknown-command = 我不认识 /{ $command } 这个命令。
error-removed = 它可能已被移除：用 { $about } 查看我有哪些命令。
error-internal = 回答时出了点问题。请稍后再试。
error-unreadable = twinbot 无法读取 Discord 发来的内容。请稍后再试；如果问题仍然存在，请告知运行此机器人的人。
error-no-option = { $command } 没有 { $option } 选项。
error-option-needed = { $command } 需要 { $option }：{ $what }。
error-out-of-range = { $option } 必须介于{ $min }和{ $max }之间；{ $value }不在此范围内。
error-not-text = { $option } 必须是文字。
error-not-number = { $option } 必须是整数。
error-not-boolean = { $option } 必须是 true 或 false。
error-not-channel = { $option } 必须是频道。
error-not-role = { $option } 必须是身份组。
error-not-file = { $option } 必须是文件。
moderators-only-title = 仅限版主
moderators-only = { $command } 仅供版主使用：需要在此频道拥有 { $permission } 权限。请联系本服务器的版主。
server-only-title = 仅限服务器
server-only = { $command } 只能在服务器的频道中使用，不能在私信中使用。
# 权限名称，与 Discord 简体中文设置中显示的一致。
permission-manage-messages = 管理消息
# 与 Discord 服务器设置中显示的名称一致。
permission-manage-server = 管理服务器
needs-permission-to-post = 你需要在 { $channel } 中拥有 { $permission } 权限，才能在那里发布公告。
needs-permission-to-schedule = 你需要在 { $channel } 中拥有 { $permission } 权限，才能让周年纪念在那里发布。
cannot-post = twinbot 无法在此发布：发布需要机器人的令牌，而此安装没有令牌。请让运行 twinbot 的人设置它。
files-need-token = 无法从这里发送文件：发送文件需要机器人的令牌，而此安装没有设置。请联系运行 twinbot 的人进行设置。

## /友好城市

field-country = 国家
field-link = 关系
field-formalised = 缔结时间
field-status = 状态
field-roots = 渊源
field-areas = 合作领域
field-timeline = 大事记
field-groups = 民间团体
field-aliases = 别名
field-notes = 备注
field-sources = 来源
partner-status = { $suspended }：见备注。
partner-also-home = { $partner } 在这里也是一座主城市：{ $command } 也会列出它的友好城市，其中包括 { $home }。
partner-empty = 请输入一座友好城市的名称，例如 { $example }。
partner-another-name = “{ $query }”是 { $partner } 的另一个名称。
partner-showing = 你输入的是“{ $query }”，已为你显示 { $partner }。
partner-country-title = { $home } 在{ $country }的友好城市
partner-country-hint = 用 { $command } 加上其中一个名称，了解完整故事。
partner-home-title = { $home } 是主城市
partner-is-home = { $home } 是这里的主城市：twinbot 为你介绍它的友好城市。
partner-part-of-home = { $place } 是 { $home } 的一部分，属于这些友好关系中的主城市一方，而不是友好城市。
partner-own-links = { $count ->
    [1] { $place } 自己有一座友好城市：{ $links }。用 { $command } 了解它的故事。
   *[other] { $place } 自己有{ $count }座友好城市：{ $links }。用 { $command } 了解其中第一座的故事。
}
partner-own-link = { $name }（{ $kind }始于{ $since }）
partner-try-one-of = 试试以下之一：{ $names }。
partner-none-title = 未找到友好城市
partner-none = { $home } 没有与“{ $query }”匹配的友好城市。
partner-try-field = 试试 { $home } 的以下友好城市
partner-choice = { $name }（{ $country }）
partner-choice-with = { $name }（{ $country }）– 与 { $home } 结好

## /自某年起

since-needs-year = { $command } 需要一个年份。
since-swapped = { $until }（{ $to }）早于 { $year }（{ $from }）：请把两者对调，以列出{ $to }–{ $from }年。
since-title-in = { $home } 于{ $from }年缔结的友好城市
since-title-range = { $home } 于{ $from }年至{ $to }年缔结的友好城市
since-title-since = { $home } 自{ $from }年起缔结的友好城市
since-none-in = { $from }年没有缔结任何友好关系。
since-none-range = { $from }年至{ $to }年没有缔结任何友好关系。
since-none-since = { $from }年及以后没有缔结任何友好关系。
since-newest = 最新的是 { $name }（{ $kind }，{ $since }）。
since-count = 共{ $count }个友好关系。

## /全部友好城市

partners-title = { $home } 的友好城市（{ $count }）
partners-hint = 用 { $command } 加上城市名称，了解完整故事。

## /周年纪念 与周年纪念条目

anniversaries-calendar-note = 📅 已附上日历文件：请将它导入你的日历应用；再次导入会更新这些日程，而不会重复添加。
anniversaries-calendar-file = { $home } 周年纪念的日历文件
# 在友好城市名称和旗帜之后：“60周年”。
anniversary-number = { $ordinal }周年
anniversary-milestone = ★ 整数周年
# 标题之后：“2029年6月2日（友好城市关系始于1969年6月2日）”。
anniversary-when = { $date }（{ $kind }始于{ $since }）
anniversaries-upcoming-title = { $home } 即将到来的周年纪念
anniversaries-upcoming-none = 没有任何友好关系有已知的缔结月份或日期可供推算。
anniversaries-next-title = { $home } 接下来的{ $count }个周年纪念
anniversaries-year-title = { $home } 的{ $year }年周年纪念
anniversaries-year-none = 到{ $year }年时，还没有任何友好关系已缔结满一年。
anniversaries-milestones = { $count ->
    [0] { $year }年没有整数周年。
   *[other] { $year }年共{ $count }个整数周年。
}

## /发布公告

announce-no-match = 没有与“{ $query }”匹配的友好城市。
announce-which-title = 哪座友好城市？
announce-which = 请只指定一座友好城市：{ $names }。
announce-suspended = 与 { $partner } 的{ $kind }{ $suspended }，因此不发布其周年纪念。原因见 { $command } 中的备注。
announce-too-early = 与 { $partner } 的{ $kind }始于{ $since }：首个周年纪念日在{ $year }年。
announce-title = { $partner }：{ $ordinal }周年
announce-preview-title = 预览 · { $title }
announce-terminal-footer = 仅为预览：在 Discord 服务器中使用 { $command } 才能发布。
announce-would-post-in = 将发布到
announce-preview-footer = 仅为预览：未发布任何内容。运行 { $command } 时不加 { $preview } 即可发布。
announce-posting-title = 正在发布 · { $title }
announce-posting = 正在发布到 { $channel }…
announce-posted-title = 公告已发布
announce-posted = 已发布到 { $channel }。
announce-posted-link = 已发布到 { $channel }：{ $link }。
announce-see-message = 查看消息
announce-not-posted = 未发布
# $reason 是 Discord 自己的状态、消息和代码：“403 Missing Permissions (code 50013)”。
announce-refused = Discord 拒绝了发布：{ $reason }。
announce-refused-permissions = 请在该频道中给予机器人“查看频道”“发送消息”和“阅读消息历史记录”权限。
announce-refused-access = 机器人看不到该频道：请在那里给予它“查看频道”权限。
announce-refused-channel = 该频道已不存在：请选择其他频道。
announce-refused-events = 请给予 twinbot“创建活动”权限（服务器设置 › 身份组）。
# $reason 是网络或 Discord 自己的说法。
announce-failed = 公告未能发送：{ $reason }。

## /主城市

home-not-changed = 主城市未更改
home-unknown = twinbot 没有名为“{ $query }”的主城市。
home-knows = twinbot 知道的主城市有：{ $homes }。
home-title = 主城市
home-saved-title = 主城市已保存
home-every = 此处的命令涵盖所有主城市：{ $homes }。
home-answers = 此处的命令针对 { $homes } 回答：/友好城市、/自某年起、/全部友好城市、/周年纪念、/发布公告，以及周年纪念自动公告。
home-terminal = 每个服务器在 Discord 中用 /主城市 选择，config.toml 中的 discord.home 设定默认值。在终端中，给命令加上 --home NAME 即可只针对某一座主城市回答。
home-known-field = twinbot 知道的主城市
home-partners-field = { $homes } 的友好城市
home-partner-count = { $home }：{ $count }座友好城市
home-save-failed = 无法保存主城市：{ $error }

## /关于

about-title = 关于 twinbot
about-intro = twinbot 回答有关 { $homes } 的友好城市的问题：共{ $count }个友好关系。名称随你怎么输入都行：拼错了、用其他语言或文字书写都可以。
about-data-field = 数据
about-data-line = { $home }：{ $file }，更新于{ $updated }
about-data-line-undated = { $home }：{ $file }
about-sources = 每座友好城市的来源都列在 { $command } 中它的条目里。
about-places-field = 地名
about-places = 各团体以 twinbot 自带的世界地名库为起点编写各自城市的数据文件：{ $geonames }（人口15,000及以上的城市，以及它们在各种文字中的名称），CC BY 4.0。
about-commands-field = 命令
about-languages-field = 语言
about-languages = 如果 twinbot 会说你的 Discord 语言，就会用它回答：{ $languages }。

## /周年设置

settings-not-saved = 设置未保存
settings-save-failed = 无法保存设置：{ $error }
settings-conflict = { $fields } 已于 { $day } { $time }（UTC）被{ $who }修改，因此你的更改未保存。请重新查看设置，然后再次进行更改。
settings-conflict-someone = 他人
settings-not-a-time = “{ $value }”不是一天中的时间：请按24小时制写成 HH:MM，例如09:00或18:30。
settings-not-a-timezone = “{ $value }”不是 IANA 时区。
settings-pick-timezone = 输入时从列表中选择一个。
settings-not-a-day = “{ $value }”不是一年中的某一天：请写成 MM-DD，例如01-01表示1月1日。
settings-not-a-language = “{ $value }”不是 twinbot 可用于发布公告的语言：请选择 { $languages } 之一。
settings-template-not-saved = 模板未保存：{ $error }。
# $placeholders 是占位符列表，例如 {partner}；$open 和 $close 是 {{ 和 }}。
settings-placeholders = 占位符：{ $placeholders }；要写花括号本身，请写 { $open } 和 { $close }。
settings-everyone = 这是 @everyone 身份组：twinbot 从不提及所有人。请选择一个成员可以自行加入的身份组。
settings-choose-channel = 为公告选择一个频道：{ $example }
settings-title-config = 周年纪念自动公告（config.toml）
settings-title-server = 本服务器的周年纪念自动公告
settings-title-saved = 周年设置已保存
settings-on = 开启，发布在 { $channel }
settings-off-kept = 关闭（保留频道 { $channel }）。用 { $example } 开启。
settings-off = 关闭。选择一个频道即可开启：{ $example }
settings-time-value = { $time } { $zone }（今天相当于 { $utc } UTC）
settings-role-only = 仅 { $role }（绝不提及 @everyone 或 @here）
settings-role-none = 无：公告不提及任何人
settings-template-default = （{ $language }的默认模板）
settings-language-default = { $language }（服务器的语言）
settings-field-posts = 自动发布
settings-field-time = 时间
settings-field-digest = 汇总日
settings-field-role = 提及身份组
settings-field-language = 公告语言
settings-field-reminders = 提醒版主
settings-reminders-on = 提前{ $days }天，发到 { $channel }
settings-reminders-off = 关闭
settings-reminders-need-both = 提醒需要同时设置提前天数和发送频道：{ $example }
settings-field-events = 服务器活动
settings-events-off = 关闭。{ $example } 会为每个即将到来的周年纪念日创建服务器活动，成员可以标记“感兴趣”。
settings-events-on = 为每个周年纪念日提前{ $days }天创建
settings-events-on-milestones = 为整数周年提前{ $days }天创建
settings-events-no-permission = ⚠️ twinbot 无法在这里创建活动：请给予它“创建活动”权限（服务器设置 › 身份组）。
settings-event-made = 📅 { $name } · { $when }
settings-event-coming = ⏳ { $name } · { $when }（待创建）
settings-event-deleted = 🗑️ { $name } · 已在 Discord 中删除，不会重新创建
settings-events-more = 这段时间内还有{ $count }个周年纪念日：twinbot 同时最多保留{ $max }个最近的活动。
anniversaries-event = 活动
settings-field-template = 模板
settings-field-next = 接下来的公告
settings-field-problems = 问题
settings-field-recent = 最近发布
settings-saved-on = 于{ $date }为本服务器保存
settings-from-config = 来自 config.toml（[anniversaries]）
settings-defaults = 默认值：尚未保存任何设置
settings-digest-of = { $year }年汇总（{ $count }个周年纪念）
settings-problem = ⚠️ { $key } · 应于{ $due }发布 · { $state }
problem-refused = 被拒绝，将重试（第{ $attempts }次，共{ $max }次）
problem-failed = 失败，将重试（第{ $attempts }次，共{ $max }次）
problem-gave-up = 尝试{ $attempts }次后仍未发布
problem-missed = twinbot 离线期间错过
# 放在补发的公告后的括号里。
settings-belated = 补发

## 公告模板

template-unknown = 第{ $at }个字符处的占位符 { $placeholder } 未知；可用的占位符有 { $placeholders }
template-unclosed = 第{ $at }个字符处的 { $open } 没有闭合：请写成 { $example }，或用 { $double } 表示花括号本身
template-unopened = 第{ $at }个字符处的 { $close } 没有对应的 { $open }：请用 { $double } 表示花括号本身
template-empty = 模板为空
template-too-long = 给 { $partner } 的公告将有{ $length }个字符，超过了公告允许的{ $max }个（Discord 每条消息允许{ $limit }个字符，其余留给身份组提及和补发说明）：请缩短模板

## 公告

# 内置公告。占位符：$ordinal（60，后接“周年”）、$kind（友好城市关系）、$home 和 $partner（城市名，按原样
# 使用）、$country、$since（1969年6月2日）、$years（60）、$date（周年纪念的日期）。
post-default = 🎉 今天，我们一起庆祝 { $home } 与 { $partner }（{ $country }）的{ $kind }迎来{ $ordinal }周年！这段关系始于{ $since }。
post-digest-title = { $home } 的{ $year }年周年纪念
post-digest-intro = （仅知缔结年份的友好关系）：
post-digest-line = 与 { $home } 的{ $kind }始于{ $since }
post-digest-more = ……以及另外{ $count }个。
schedule-anniversary = { $name } { $ordinal }周年（{ $date }）
schedule-milestone = 整数周年
# 计划列表（汇总、接下来的公告）中的周年纪念：“Amiens（69周年）”。
anniversary-brief = { $name }（{ $ordinal }周年）
anniversary-brief-milestone = { $name }（{ $ordinal }周年，整数周年）
schedule-digest = { $year }年汇总：{ $names }
reminder = { $days ->
    [1] 明天就是与 { $name } 结好{ $ordinal }周年（{ $date }）
   *[other] 距与 { $name } 结好{ $ordinal }周年还有{ $days }天（{ $date }）
}
schedule-reminder = 提醒：{ $reminder }
schedule-event = 服务器活动：{ $name }（于 { $made } 创建）
post-belated = 补发：原定于{ $date } { $time }（{ $zone }）发布，当时 twinbot 处于离线状态。

## 日历（周年纪念的 iCalendar 文件）

calendar-name = { $home }：友好关系周年纪念
calendar-summary = { $partner } – 与 { $home } 的{ $kind }{ $ordinal }周年
calendar-day-unknown = 只知道月份（{ $month }）：日历把这个周年纪念显示在该月第一天。
calendar-month-unknown = 只知道年份（{ $year }年）：日历把这个周年纪念显示在1月1日。
calendar-source = 来源：{ $url }
event-name = { $home } ↔ { $partner }：{ $ordinal }周年
event-location = { $homecountry }{ $home } ↔ { $partnercountry }{ $partner }

## /时间线

timeline-next = { $ordinal }周年 · { $year }年
timeline-kind-year = { $kind } · { $year }年
cover-number = { $ordinal }周年
timeline-title = { $home } 历年的友好关系
timeline-key-formalised = 正式缔结
timeline-key-milestone = 续签与协议
timeline-key-next = 下一个整数周年
timeline-alt = { $home } 的{ $count }个友好关系的时间线，从最早的开始，并标出接下来的整数周年。
timeline-empty = 数据中还没有 { $home } 的友好城市。
timeline-more = 未单独成行（图中最多显示{ $count }行）：{ $names }

## /地图

map-title = { $home } 的友好城市
map-key-home = 主城市
map-alt = { $home } 的{ $count }座友好城市的地图，每座城市都以地球上的最短路线与其主城市相连。
map-unplaced = 不在地图上（数据中没有坐标）：{ $names }
map-unlabelled = 彼此太近，无法在地图上标注：{ $names }
map-credit = 陆地：Natural Earth
map-no-coordinates = 数据中还没有 { $home } 的坐标，因此无法绘制地图。

## 按钮与表单（所有命令通用）

button-cancel = 取消
pending-gone-title = 已结束
pending-gone = 这个按钮已不再起作用。请重新使用命令。
pending-expired = 已过期：按钮和表单的有效时间为15分钟。请重新使用命令。
pending-done = 此操作已完成。
pending-not-yours-title = 无法操作
pending-not-yours = 只有使用该命令的成员才能使用它的按钮和表单。

## /城市

# $commands 列出子命令：“/城市 创建、/城市 添加或/城市 撤销”。
town-choose = 请选择要执行的操作：{ $commands }。
town-off-title = 城市功能已关闭
town-off = 运行这个 twinbot 的人已关闭 /城市。
town-none-title = 还没有城市
town-none = 本服务器还没有自己的城市。请用 { $create } 创建。
town-exists-title = 本服务器已有城市
town-exists = 本服务器的城市已经是 { $town }。如要重新开始，请先用 { $delete } 删除它。
town-world-missing-title = 缺少世界城市列表
town-world-missing = 这个 twinbot 无法读取它的世界城市列表，因此这里无法创建城市，也无法添加友好城市。运行它的人可以解决这个问题。
town-not-found-title = 未找到城市
town-not-found = 世界城市列表中没有名为 { $query } 的城市。
# $places：“Brno (CZ)、Bruno (IT) 或 Brod (CZ)”。
town-did-you-mean = 你是不是要找 { $places }？
town-created-title = 城市已创建
town-created = { $town } 现在是本服务器自己的城市：这里的命令将针对它回答。请用 { $add } 添加它的友好城市。
# $took 是选取的城市，$others 是其他同名城市，$country 是用于选择其中之一的选项。
town-others = 还有其他城市也叫 { $name }，因此选取了人口最多的 { $took }。其他同名城市：{ $others }。如果你指的是其中之一，请删除这座城市，再用 { $country } 重新创建。
town-facts-field = 来自世界城市列表
# 有 $count 人居住。
town-people = 人口{ $count }
town-add-form-title = 与 { $city } 的友好关系
town-add-summary = 简介
town-add-summary-placeholder = 用你自己的几句话说明：这段关系如何开始，以及开展了哪些交流。
town-add-roots = 渊源（可选）
town-add-roots-placeholder = 更早的交往，例如20世纪50年代的学校交流
town-add-notes = 备注（可选）
town-add-notes-placeholder = 各来源说法不一之处
town-add-milestone = 第一条大事记（可选）
town-add-milestone-placeholder = 在市政厅签署友好城市协议书
town-field-source = 来源
town-date-invalid = { $value } 不是日期。请写成 YYYY-MM-DD，例如1969-06-02。
town-kind-invalid = { $value } 不是关系类型。请选择友好城市关系、伙伴城市关系或友好交流关系。
town-source-invalid = { $value } 不是网址。请写出以 https:// 开头的完整网址。
town-added-title = 友好城市已添加
town-added = { $partner } 现在是 { $town } 的友好城市，始于{ $since }。
town-summary-field = 简介
town-edit-form-title = { $city }：文字内容
town-edit-areas = 合作领域（每行一个，可选）
town-edit-areas-placeholder = 这段关系开展合作的领域，例如教育和交流
town-edited-title = 已保存
town-edited = { $partner } 的文字内容已保存。如有需要，接下来可以修改其日期、类型和来源。
button-more-facts = 日期和来源…
button-try-again = 重试
town-facts-form-title = { $city }：日期和来源
town-facts-year = 缔结年份
town-facts-year-placeholder = 1969
town-facts-date = 日期或月份（YYYY-MM-DD 或 YYYY-MM）
town-facts-date-placeholder = 1969-06-02或1969-06；如果只知道年份，请留空
town-facts-kind = 类型：友好城市关系、伙伴城市关系或友好交流关系
town-facts-kind-placeholder = 友好城市关系
town-facts-suspended = 暂停日期（YYYY-MM-DD，可选）
town-facts-suspended-placeholder = 交流仍在进行时请留空
town-facts-sources = 来源（每行一个网址）
town-facts-sources-placeholder = https://…
town-facts-saved = { $partner } 的日期、类型和来源已保存。
town-year-invalid = { $value } 不是年份：请写四位数字，从1000到9999。
# $language 是语言名称：“德语”。
town-translate-form-title = { $city }：{ $language }文字内容
town-translated-title = 翻译已保存
town-translated = { $partner } 的{ $language }文字内容已保存。
town-translation-removed = { $partner } 的{ $language }文字内容已删除：使用{ $language }的读者将重新看到城市原本的文字内容。
town-translate-name = { $language }名称（可选）
town-translate-name-placeholder = 留空则沿用“{ $city }”
town-name-saved = { $partner } 的{ $language }名称已保存：{ $name }。
town-name-removed = { $partner } 的{ $language }名称已删除：使用{ $language }的读者将重新看到原来的名称。
town-translation-none = 没有为 { $partner } 保存任何{ $language }内容。
town-language-own = 城市数据本来就是用{ $language }写的：请用 { $edit } 修改文字内容。
town-not-saved-title = 未保存
town-is-home = { $city } 就是本服务器的城市本身：城市不能与自己结为友好城市。
# $as 是这座城市列出该友好城市时使用的名称。
town-duplicate = { $town } 已经有友好城市 { $partner }，名称为 { $as }。
town-no-partner-title = 未找到友好城市
town-no-partner = { $town } 没有名为 { $query } 的友好城市。
town-too-many-partners = 一座城市最多可有{ $limit }座友好城市。
town-too-many-milestones = 一段友好关系最多可有{ $limit }条大事记。
town-too-many-sources = 一段友好关系最多可列出{ $limit }个来源。
town-too-big = 一座城市的数据最多为{ $limit }字节。
town-too-long = { $field }：最多{ $limit }个字符。
town-invalid = 未作任何更改。城市数据将无法通过 twinbot 的检查：
town-remove-title = 移除 { $partner }？
town-remove-confirm = { $partner } 将不再是 { $town } 的友好城市，这段友好关系的周年纪念也不会再发布。{ $undo } 可以恢复它。
button-remove = 移除
town-removed-title = 友好城市已移除
town-removed = { $partner } 已不再是 { $town } 的友好城市。{ $undo } 可以恢复它。
town-cancelled-title = 未作更改
town-cancelled = 未作任何更改。
town-history-title = { $town } 的历史记录
town-history-how-field = 撤销
town-history-undo = { $undo } 会撤销最近一次更改；再次使用会继续往前撤销。
town-by-operator = 运行 twinbot 的人
town-change-created = 创建了城市 { $home }
town-change-added = 添加了 { $partner }
town-change-edited = 编辑了 { $partner }
# $language 是语言名称：“德语”。
town-change-translated = 将 { $partner } 翻译为{ $language }
town-change-removed = 移除了 { $partner }
town-change-undid = 撤销了：{ $what }
town-change-deleted = 删除了城市
town-change-other = 用较新版本的 twinbot 修改了城市
town-undo-title = 没有可撤销的更改
town-nothing-to-undo = 没有更早的更改可以撤销：这就是城市最初创建时的样子。
town-undone-title = 已撤销
town-undone = 已撤销：{ $what }。再次使用 { $undo } 可继续往前撤销。
town-delete-title = 删除 { $town }？
town-delete-confirm = 本服务器的命令将不再针对 { $town } 回答，其友好关系的周年纪念也不会再发布。它的历史记录保留{ $days }天，在此之前 { $undo } 可以恢复它。
button-delete = 删除
town-deleted-title = 城市已删除
town-deleted = { $town } 已不再是本服务器的城市。它的历史记录保留{ $days }天，在此之前 { $undo } 可以恢复它。
town-export-title = { $town } 的文件
town-exported = 附件是 { $town } 及其{ $count }座友好城市：TOML 文件包含它的全部数据，格式与 twinbot 的数据文件相同；CSV 文件包含它的友好城市，供电子表格使用。修改其中任一文件后，可用 { $import } 导回。
town-export-toml = { $town } 的全部数据（TOML）
town-export-csv = { $town } 的友好城市，供电子表格使用（CSV）
town-import-no-file = 请附上要导入的文件：与导出所得相同格式的 TOML 或 CSV 文件。
town-import-reading-title = 正在读取 { $file }…
town-import-title = 导入 { $file }？
town-import-preview = 导入 { $file } 将对 { $town } 作出以下更改。在你按下“导入”之前，不会有任何更改。
town-import-same = { $file } 中的 { $town } 与现在完全相同：没有需要导入的内容。
town-import-added = 新增{ $count }座友好城市
town-import-removed = 移除{ $count }座友好城市
town-import-changed = 修改{ $count }座友好城市
# 被截短的名称列表的最后一项：“Amiens、Brno和其他 12 座城市”。
town-import-more = 其他{ $count }座城市
town-import-home = 城市本身
town-import-home-changed = 城市自身的信息也会更改：名称、简介、别名或位置。
button-import = 导入
town-imported-title = 已导入
town-imported = 已完成：{ $what }。{ $undo } 可以撤销此操作。
town-import-refused-title = 未导入 { $file }
import-wrong-kind = 只能导入 TOML 文件（.toml）和 CSV 文件（.csv），例如导出所得的文件。
import-not-discord = 文件必须是在 Discord 中上传的附件；这个文件位于 { $host }。
import-redirected = 文件地址把 twinbot 转到了 { $host }，而那不是 Discord。
import-content-type = 该文件的类型是 { $type }，不是文本。
import-timeout = 文件未能在{ $seconds }秒内送达。请稍后再试。
import-unreachable = Discord 没有提供该文件。请稍后再试。
import-too-big = 该文件为{ $size } KB；最多只能导入{ $limit } KB。
import-not-text = 该文件不是纯文本（UTF-8）。请将其另存为 UTF-8 文本后再试。
import-too-deep = 第{ $line }行：方括号或带点的名称嵌套超过{ $limit }层，任何城市都不需要这么深。
import-csv-needs-town = CSV 文件用于修改城市的友好城市，而本服务器还没有城市。请用 { $create } 创建，或者导入 TOML 文件。
import-unknown-column = 第{ $line }行：{ $column } 不是城市数据的列。可用的列有：{ $known }。
import-no-name-column = 第一行必须是列名，且其中必须有一列名为“name”。
import-formula = 第{ $line }行，{ $column } 列：{ $text } 的开头像电子表格公式，而公式一律不会导入。如果它是文本，请在前面加上 '。
import-bad-cell = 第{ $line }行，{ $column } 列：{ $text } 不是此列可接受的值，可接受的值例如 { $example }。
import-twice = 第{ $line }行：{ $partner } 出现了两次。
import-csv = 第{ $line }行：这不是格式正确的 CSV 文件（{ $why }）。
# $file 是文件名；其余变量是友好城市的数量。
town-change-imported = 导入了 { $file }（新增{ $added }座，移除{ $removed }座，修改{ $changed }座）
town-calendar-title = { $town } 的日历
town-calendar-address = 日历应用可以通过此地址订阅 { $town } 的周年纪念。任何拿到这个地址的人都能查看日历，因此请只与你的团体分享。如果地址流传出去，可以用 { $renew } 生成新地址。
town-calendar-renewed = { $town } 的日历已换用新地址：旧地址已失效。已订阅的人需要改用这个地址。
town-calendar-off-title = 此处没有日历
town-calendar-off = 这个 twinbot 不提供日历订阅。运行它的人可以开启此功能。
town-slow-down-title = 请稍后再试
town-slow-down = 本服务器在短时间内多次修改了它的城市。请在{ $seconds }秒后再试。
# $who 是成员和日期：“@Anna, 2026年12月6日”。
town-conflict = 未保存：在此期间，本服务器的城市已被修改（{ $what } — { $who }）。请重新查看，然后再试一次。

## 通过成员自己的账号使用时的回复

# Discord 只向该成员显示的回复的第一行：成员把 twinbot 添加到了自己的账号，使用它的服务器并未添加，
# 而成员在那里没有“使用外部应用”权限（名称按 Discord 设置中的说法；尚未在简体中文客户端中核实）。
external-apps-only-you = 只有你能看到这条回复：twinbot 添加到了你的账号，而不是本服务器；你在这里没有“使用外部应用”权限，因此 Discord 只向你显示它的回复。
