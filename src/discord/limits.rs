//! Discord's limits, in characters unless said otherwise. The core keeps budgets of its own
//! (the longest post, the number of suggestions); the checks at the bottom hold them within these.

/// An embed's title.
pub const TITLE: usize = 256;
/// An embed's description.
pub const DESCRIPTION: usize = 4096;
/// Fields in an embed.
pub const FIELDS: usize = 25;
pub const FIELD_NAME: usize = 256;
pub const FIELD_VALUE: usize = 1024;
pub const FOOTER: usize = 2048;
/// All the text of an embed together.
pub const TOTAL: usize = 6000;
/// A message's content.
pub const MESSAGE: usize = 2000;
/// Autocomplete choices in one answer.
pub const CHOICES: usize = 25;
/// A choice's name and value.
pub const CHOICE_TEXT: usize = 100;
/// A message nonce.
pub const NONCE: usize = 25;
/// How long Discord is trusted to remember a message nonce ("the past few minutes"), in
/// minutes: a resend within it is de-duplicated by Discord.
pub const NONCE_MEMORY_MINUTES: i64 = 2;
/// A scheduled event's name, description and location (an EXTERNAL event's place).
pub const EVENT_NAME: usize = 100;
pub const EVENT_DESCRIPTION: usize = 1000;
pub const EVENT_LOCATION: usize = 100;
/// How long an interaction may wait for its first answer.
pub const ACKNOWLEDGE_MS: u64 = 3000;

/// Buttons in one row.
pub const BUTTONS: usize = 5;
/// A button's label.
pub const BUTTON_LABEL: usize = 80;
/// A `custom_id` (buttons, forms and their inputs).
pub const CUSTOM_ID: usize = 100;
/// Text inputs in a modal.
pub const MODAL_INPUTS: usize = 5;
/// A modal's title and each input's label.
pub const MODAL_LABEL: usize = 45;
/// An input's placeholder.
pub const MODAL_PLACEHOLDER: usize = 100;
/// An input's value.
pub const MODAL_VALUE: u16 = 4000;

// The core's budgets fit Discord's limits.
const _: () = assert!(crate::core::reply::MAX_INPUTS <= MODAL_INPUTS);
const _: () = assert!(crate::core::reply::MAX_LABEL <= MODAL_LABEL);
const _: () = assert!(crate::anniversaries::template::MAX_POST <= MESSAGE);
const _: () = assert!(crate::commands::MAX_SUGGESTIONS <= CHOICES);
const _: () = assert!(crate::commands::MAX_SUGGESTION_TEXT <= CHOICE_TEXT);
