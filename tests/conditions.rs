//! Conditions evaluate in three-valued logic on the answers shown.

mod common;

use common::{answers, mini_bank};
use privaudit::condition::{Condition, Truth};
use privaudit::flow::Visible;
use rstest::rstest;
use serde_json::json;

fn eval(condition: serde_json::Value, given: serde_json::Value) -> Truth {
    let bank = mini_bank();
    let answers = answers(given);
    let condition: Condition = serde_json::from_value(condition).expect("valid condition");
    condition.eval(&Visible::new(&bank, &answers))
}

#[rstest]
#[case::yes_true(json!({"yes": "paper"}), json!({"paper": true}), Truth::True)]
#[case::yes_false(json!({"yes": "paper"}), json!({"paper": false}), Truth::False)]
#[case::yes_dont_know(json!({"yes": "paper"}), json!({"paper": {"dont_know": true}}), Truth::Unknown)]
#[case::yes_unanswered(json!({"yes": "paper"}), json!({}), Truth::Unknown)]
#[case::no_false(json!({"no": "paper"}), json!({"paper": false}), Truth::True)]
#[case::dont_know(json!({"dont_know": "paper"}), json!({"paper": {"dont_know": true}}), Truth::True)]
#[case::includes(json!({"includes": {"question": "paper.measures", "option": "locked"}}), json!({"paper": true, "paper.measures": ["locked"]}), Truth::True)]
#[case::includes_missing(json!({"includes": {"question": "paper.measures", "option": "alarm"}}), json!({"paper": true, "paper.measures": ["locked"]}), Truth::False)]
#[case::includes_other(json!({"includes": {"question": "paper.measures", "option": "other"}}), json!({"paper": true, "paper.measures": {"selected": ["other"], "other": "coffre"}}), Truth::True)]
#[case::hidden_question_does_not_apply(
    json!({"includes": {"question": "paper.measures", "option": "locked"}}),
    json!({"paper": false, "paper.measures": ["locked"]}),
    Truth::False
)]
#[case::not_on_hidden_question(
    json!({"not": {"includes": {"question": "paper.measures", "option": "locked"}}}),
    json!({"paper": false}),
    Truth::True
)]
#[case::pending_question_is_unknown(
    json!({"includes": {"question": "paper.measures", "option": "locked"}}),
    json!({}),
    Truth::Unknown
)]
#[case::equals(json!({"equals": {"question": "backup", "value": "none"}}), json!({"backup": "none"}), Truth::True)]
#[case::equals_other(json!({"equals": {"question": "backup", "value": "none"}}), json!({"backup": "offsite"}), Truth::False)]
#[case::at_least(json!({"at_least": {"question": "size", "value": 10}}), json!({"size": 10}), Truth::True)]
#[case::at_most(json!({"at_most": {"question": "size", "value": 9}}), json!({"size": 10}), Truth::False)]
#[case::answered_blank(json!({"answered": "email"}), json!({"email": "  "}), Truth::False)]
#[case::answered(json!({"answered": "email"}), json!({"email": "a@b.fr"}), Truth::True)]
#[case::all_false_wins(json!({"all": [{"yes": "paper"}, {"yes": "org.name"}]}), json!({"paper": false}), Truth::False)]
#[case::all_unknown(json!({"all": [{"yes": "paper"}, {"equals": {"question": "backup", "value": "none"}}]}), json!({"paper": true}), Truth::Unknown)]
#[case::any_true_wins(json!({"any": [{"yes": "paper"}, {"equals": {"question": "backup", "value": "none"}}]}), json!({"paper": true}), Truth::True)]
#[case::not_unknown(json!({"not": {"yes": "paper"}}), json!({}), Truth::Unknown)]
#[case::any_entry(json!({"any_entry": {"group": "vendors", "when": {"no": "contract"}}}), json!({"vendors": {"entries": [{"name": "A", "abroad": true, "contract": true}, {"name": "B", "abroad": true, "contract": false}]}}), Truth::True)]
#[case::any_entry_hidden_sub_does_not_apply(json!({"any_entry": {"group": "vendors", "when": {"no": "contract"}}}), json!({"vendors": {"entries": [{"name": "A", "abroad": false, "contract": false}]}}), Truth::False)]
#[case::any_entry_none(json!({"any_entry": {"group": "vendors", "when": {"no": "contract"}}}), json!({"vendors": {"entries": []}}), Truth::False)]
#[case::every_entry_empty(json!({"every_entry": {"group": "vendors", "when": {"yes": "contract"}}}), json!({"vendors": {"entries": []}}), Truth::True)]
#[case::every_entry_unanswered(json!({"every_entry": {"group": "vendors", "when": {"yes": "contract"}}}), json!({}), Truth::Unknown)]
fn evaluates(
    #[case] condition: serde_json::Value,
    #[case] given: serde_json::Value,
    #[case] expected: Truth,
) {
    assert_eq!(eval(condition, given), expected);
}

#[test]
fn conditions_are_structured_json_not_strings() {
    let err = serde_json::from_value::<Condition>(json!("paper == yes")).unwrap_err();
    assert!(err.to_string().contains("expected"), "{err}");
    let err = serde_json::from_value::<Condition>(json!({"yess": "paper"})).unwrap_err();
    assert!(err.to_string().contains("unknown variant `yess`"), "{err}");
}
