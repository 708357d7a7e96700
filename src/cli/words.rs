//! Arguments as typed on the command line: `twinbot ask partner port natal`,
//! `twinbot ask anniversary-settings <#123>`.

use crate::commands::{Args, CommandSpec, OptionKind, Value};

/// Reads a channel or role id as typed on the command line: `123`, `<#123>` or `<@&123>`.
fn parse_id(s: &str) -> Option<u64> {
    s.trim_start_matches("<#").trim_start_matches("<@&").trim_end_matches('>').parse().ok()
}

/// Builds arguments from command-line words: options in order; a trailing text option takes all
/// remaining words (`ask partner port natal`).
pub fn args_from_words(spec: &CommandSpec, words: &[String]) -> Result<Args, String> {
    let mut args = Args::new();
    let mut rest = words;
    for (i, o) in spec.options.iter().enumerate() {
        let Some(first) = rest.first() else { break };
        let last = i + 1 == spec.options.len();
        let value = match o.kind {
            OptionKind::String if last => {
                let v = rest.join(" ");
                rest = &[];
                Value::Str(v)
            }
            OptionKind::String | OptionKind::Language => {
                rest = &rest[1..];
                Value::Str(first.clone())
            }
            OptionKind::Attachment => {
                return Err(format!("`{}` is a file uploaded in Discord: the terminal cannot send one", o.name))
            }
            OptionKind::Integer => {
                let v =
                    first.parse::<i64>().map_err(|_| format!("`{}` must be a whole number, not {first:?}", o.name))?;
                rest = &rest[1..];
                Value::Int(v)
            }
            OptionKind::Boolean => {
                let v = match first.to_ascii_lowercase().as_str() {
                    "true" | "yes" | "on" => true,
                    "false" | "no" | "off" => false,
                    _ => return Err(format!("`{}` must be true or false, not {first:?}", o.name)),
                };
                rest = &rest[1..];
                Value::Bool(v)
            }
            OptionKind::Channel | OptionKind::Role => {
                let v = parse_id(first).ok_or_else(|| format!("`{}` must be an id, not {first:?}", o.name))?;
                rest = &rest[1..];
                if o.kind == OptionKind::Channel {
                    Value::Channel(v)
                } else {
                    Value::Role(v)
                }
            }
        };
        args = args.with(o.name, value);
    }
    if !rest.is_empty() {
        return Err(format!("too many arguments for {}: {}", spec.name, crate::commands::usage(spec)));
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::find;

    #[test]
    fn command_words_fill_options_in_order() {
        let since = find("since").unwrap();
        let a = args_from_words(since, &["1960".into(), "1990".into()]).unwrap();
        assert_eq!((a.int("year"), a.int("until")), (Some(1960), Some(1990)));
        assert!(args_from_words(since, &["nineteen".into()]).unwrap_err().contains("whole number"));
        let partner = find("partner").unwrap();
        let a = args_from_words(partner, &["port".into(), "natal".into()]).unwrap();
        assert_eq!(a.str("city"), Some("port natal"));
    }
}
