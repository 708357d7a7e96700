//! Registering the command registry with Discord: one payload per command, built from the same
//! registry that dispatch uses, so that the two cannot drift, with the names and descriptions of
//! every language twinbot speaks (`name_localizations`, `description_localizations`).

use serenity::all::{
    ChannelType, CommandOptionType, CreateCommand, CreateCommandOption, InstallationContext, InteractionContext,
    Permissions,
};

use crate::commands::{self, CommandSpec, OptionKind, Reach};
use crate::core::i18n;
use crate::discord::permissions;

/// The options of a command (or subcommand), as Discord registers them.
fn options(spec: &CommandSpec) -> Vec<CreateCommandOption> {
    spec.options
        .iter()
        .map(|o| {
            let kind = match o.kind {
                OptionKind::String | OptionKind::Language => CommandOptionType::String,
                OptionKind::Integer => CommandOptionType::Integer,
                OptionKind::Boolean => CommandOptionType::Boolean,
                OptionKind::Channel => CommandOptionType::Channel,
                OptionKind::Role => CommandOptionType::Role,
                OptionKind::Attachment => CommandOptionType::Attachment,
            };
            let mut opt = CreateCommandOption::new(kind, o.name, o.description).required(o.required);
            for (locale, name, description) in localized(&commands::message_id(&format!("{} {}", spec.name, o.name))) {
                opt = opt.name_localized(locale, name).description_localized(locale, description);
            }
            if o.kind == OptionKind::Channel {
                // Channels a message can be posted in.
                opt = opt.channel_types(vec![ChannelType::Text, ChannelType::News]);
            }
            if o.kind == OptionKind::Language {
                // One choice per language, named in its own words, and in each member's.
                for l in i18n::all() {
                    let names = i18n::translated().filter_map(|m| Some((m, i18n::lang(m)?.language_name(l.code))));
                    opt = opt.add_string_choice_localized(l.native_name(), l.code, names);
                }
            }
            if o.autocomplete {
                opt = opt.set_autocomplete(true);
            }
            if let Some(min) = o.min {
                opt = opt.min_int_value(min.max(0) as u64);
            }
            if let Some(max) = o.max {
                opt = opt.max_int_value(max.max(0) as u64);
            }
            opt
        })
        .collect()
}

/// The registration payload for one command, with its subcommands (`/town create`).
pub fn create_command(spec: &CommandSpec) -> CreateCommand {
    let options = if spec.subcommands.is_empty() {
        options(spec)
    } else {
        spec.subcommands
            .iter()
            .map(|sub| {
                let mut s = CreateCommandOption::new(CommandOptionType::SubCommand, sub.own_name(), sub.description);
                for (locale, name, description) in localized(&commands::message_id(sub.name)) {
                    s = s.name_localized(locale, name).description_localized(locale, description);
                }
                options(sub).into_iter().fold(s, CreateCommandOption::add_sub_option)
            })
            .collect()
    };
    let mut cmd = CreateCommand::new(spec.name).description(spec.description).set_options(options);
    for (locale, name, description) in localized(spec.name) {
        cmd = cmd.name_localized(locale, name).description_localized(locale, description);
    }
    if let Some(needed) = spec.needs {
        // Moderator commands: hidden from members without the permission.
        cmd = cmd.default_member_permissions(Permissions::from_bits_truncate(permissions::bits(needed)));
    }
    let (installs, contexts) = reach(spec.reach());
    cmd.integration_types(installs).contexts(contexts)
}

/// Where Discord offers a command: the installations it is offered through (`integration_types`:
/// a server that added twinbot, a member's account) and the places it can be used (`contexts`: a
/// server, a direct message with the bot, other direct messages and groups). Both are for global
/// commands: Discord ignores them on commands registered to one server. `contexts` is what
/// Discord reads in place of the deprecated `dm_permission`, which is never sent.
pub fn reach(reach: Reach) -> (Vec<InstallationContext>, Vec<InteractionContext>) {
    match reach {
        Reach::Anywhere => (
            vec![InstallationContext::Guild, InstallationContext::User],
            vec![InteractionContext::Guild, InteractionContext::BotDm, InteractionContext::PrivateChannel],
        ),
        Reach::Servers => (vec![InstallationContext::Guild], vec![InteractionContext::Guild]),
    }
}

/// A command's or option's name and description in each translated language: the messages `id`
/// and `id-description`.
fn localized(id: &str) -> Vec<(&'static str, String, String)> {
    i18n::translated()
        .filter_map(|locale| {
            let name = i18n::message(locale, id)?;
            let description = i18n::message(locale, &format!("{id}-description"))?;
            Some((locale, name, description))
        })
        .collect()
}

/// The registration payload for every command of the registry but those `left_out` (turned
/// off by the operator).
pub fn create_commands(left_out: &[&str]) -> Vec<CreateCommand> {
    commands::registry().iter().filter(|c| !left_out.contains(&c.name)).map(create_command).collect()
}

/// The registration JSON, as `twinbot commands` prints it.
pub fn commands_json() -> serde_json::Value {
    serde_json::to_value(create_commands(&[])).expect("command builders serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a command is offered, in the numbers Discord documents: GUILD_INSTALL 0 and
    /// USER_INSTALL 1; GUILD 0, BOT_DM 1 and PRIVATE_CHANNEL 2.
    #[test]
    fn reach_is_sent_as_discords_numbers() {
        let numbers = |r| serde_json::to_value(reach(r)).unwrap();
        assert_eq!(numbers(Reach::Anywhere), serde_json::json!([[0, 1], [0, 1, 2]]));
        assert_eq!(numbers(Reach::Servers), serde_json::json!([[0], [0]]));
        for spec in commands::registry() {
            let c = serde_json::to_value(create_command(spec)).unwrap();
            let (installs, contexts) = reach(spec.reach());
            assert_eq!(c["integration_types"], serde_json::to_value(installs).unwrap(), "/{}", spec.name);
            assert_eq!(c["contexts"], serde_json::to_value(contexts).unwrap(), "/{}", spec.name);
            assert!(c.get("dm_permission").is_none(), "/{}: the deprecated dm_permission", spec.name);
        }
    }
}
