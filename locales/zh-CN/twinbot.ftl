# twinbot 简体中文。命令：名称（小写、不超过 32 个字符、不含空格）和说明（不超过 100 个字符），
# 用语与 Discord 简体中文客户端一致。

partner = 友好城市
partner-description = 关于一座友好城市的一切
partner-city = 城市
partner-city-description = 友好城市，任何拼写或语言均可

since = 年份起
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
anniversaries-upcoming = 即将到来
anniversaries-upcoming-description = 改为列出从今天起即将到来的若干个有日期的周年纪念

announce = 发布公告
announce-description = 发布某个友好关系的周年纪念公告（管理员）
announce-city = 城市
announce-city-description = 友好城市
announce-channel = 频道
announce-channel-description = 发布到哪里（默认：本频道）
announce-preview = 预览
announce-preview-description = 只给你看，不发布

anniversary-settings = 周年设置
anniversary-settings-description = 查看或更改本服务器的周年纪念自动帖子（管理员）
anniversary-settings-channel = 频道
anniversary-settings-channel-description = 在此频道发布周年纪念（开启自动帖子）
anniversary-settings-time = 时间
anniversary-settings-time-description = 发布的当地时间，HH:MM（默认 09:00）
anniversary-settings-timezone = 时区
anniversary-settings-timezone-description = IANA 时区，例如 Asia/Shanghai（默认：Europe/London）
anniversary-settings-template = 模板
anniversary-settings-template-description = 公告文字，可用 {"{"}partner{"}"}、{"{"}ordinal{"}"}…；填 “default” 恢复默认
anniversary-settings-role = 身份组
anniversary-settings-role-description = 自动帖子中唯一会提及的身份组（绝不提及 @everyone）
anniversary-settings-no-role = 不提及身份组
anniversary-settings-no-role-description = 不再提及任何身份组
anniversary-settings-digest = 汇总
anniversary-settings-digest-description = 只知年份的友好关系的年度汇总日期，MM-DD（默认 01-01）
anniversary-settings-enabled = 启用
anniversary-settings-enabled-description = 开启或关闭自动帖子

home = 本市
home-description = 查看或选择本服务器的命令代表哪座本市回答（管理员）
home-city = 城市
home-city-description = 只代表这座本市回答
home-add = 添加
home-add-description = 同时代表这座本市回答
home-all = 全部
home-all-description = 代表 twinbot 所知的每一座本市回答

about = 关于
about-description = twinbot 是什么、数据来自哪里，以及它的命令
