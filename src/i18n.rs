//! Languages, bilingual text from the bank, and the product's own UI strings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language the product speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[derive(clap::ValueEnum)]
pub enum Lang {
    /// French, the default.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order they are offered.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code, as written in files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses `fr` or `en` (any case).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A user-visible string of the bank, in every language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// French.
    #[serde(default)]
    pub fr: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// The languages this text lacks (empty or blank).
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
            .collect()
    }
}

/// Joins items as a sentence would: "a, b et c" / "a, b and c".
pub fn join_list(items: &[String], lang: Lang) -> String {
    let and = ui(lang).and;
    // Items that hold commas themselves ("Mailchimp (nom, courriel)") are
    // separated by semicolons, or the list cannot be read.
    let separator = if items.len() > 2 && items.iter().any(|i| i.contains(',')) {
        match lang {
            Lang::Fr => "\u{a0}; ",
            Lang::En => "; ",
        }
    } else {
        ", "
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(separator)),
    }
}

/// An entry of a list as both front ends show it: « 2. Infolettre », and
/// what it still lacks when it is left half-way: « 2. Infolettre — 1
/// question sans réponse ».
pub fn entry_line(number: usize, name: &str, missing: usize, lang: Lang) -> String {
    let t = ui(lang);
    match missing {
        0 => format!("{number}. {name}"),
        1 => format!("{number}. {name} — {}", t.entry_missing_one),
        n => format!(
            "{number}. {name} — {}",
            t.entry_missing_many.replace("{n}", &n.to_string())
        ),
    }
}

/// A percentage as each language writes it: "85 %" (no-break space) / "85%".
pub fn percent(value: u8, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{value}\u{a0}%"),
        Lang::En => format!("{value}%"),
    }
}

/// Formats a calendar date as people write it: "22 novembre 2026" / "November 22, 2026".
pub fn format_date(date: time::Date, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = usize::from(u8::from(date.month())) - 1;
    match lang {
        Lang::Fr if date.day() == 1 => format!("1er {} {}", FR[m], date.year()),
        Lang::Fr => format!("{} {} {}", date.day(), FR[m], date.year()),
        Lang::En => format!("{} {}, {}", EN[m], date.day(), date.year()),
    }
}

/// The time where the user is (UTC if the local offset is unknown).
pub fn local_now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// The product's own words (not the bank's), in one language.
#[derive(Debug)]
pub struct Ui {
    pub and: &'static str,
    pub list_sep: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub dont_know: &'static str,
    pub not_answered: &'static str,
    pub report_title: &'static str,
    pub report_subtitle: &'static str,
    pub prepared_for: &'static str,
    pub prepared_by: &'static str,
    /// The consultant's firm, on the cover.
    pub firm: &'static str,
    /// The client's contact person, on the cover.
    pub client_contact: &'static str,
    /// The visit date, on the cover.
    pub visit_date: &'static str,
    /// The scope, on the cover.
    pub scope: &'static str,
    /// Before a note taken during the assessment, under a finding.
    pub note_label: &'static str,
    /// An answer kept but marked "to verify", in the points to verify.
    pub marked_to_verify: &'static str,
    /// After a point to verify left open by a "don't know" (`{area}`).
    pub answered_dont_know: &'static str,
    /// An answer carried over from the previous audit, not yet confirmed (annex).
    pub status_confirm: &'static str,
    /// The summary's warning that answers are carried over unconfirmed (`{n}`).
    pub unconfirmed: &'static str,
    pub date: &'static str,
    pub legal_framework: &'static str,
    pub summary: &'static str,
    pub overall_score: &'static str,
    pub score: &'static str,
    pub completion: &'static str,
    pub good_practices: &'static str,
    pub to_verify_count: &'static str,
    pub scores_by_area: &'static str,
    pub not_assessed: &'static str,
    /// In place of an area's score when fewer than three of its requirements were checked.
    pub too_few_answers: &'static str,
    /// In place of such an area's score when one of its requirements is not met.
    pub unscored_gap: &'static str,
    /// The same with several unmet requirements (`{n}`).
    pub unscored_gaps: &'static str,
    /// After a finding whose severity depends on what is at stake: `{severity}`, `{because}`.
    pub severity_because: &'static str,
    pub action_plan: &'static str,
    pub action_plan_intro: &'static str,
    pub action_plan_empty: &'static str,
    pub priority: &'static str,
    pub action: &'static str,
    pub area: &'static str,
    pub to_verify_title: &'static str,
    pub to_verify_intro: &'static str,
    pub what_to_do: &'static str,
    pub good_practice: &'static str,
    pub advice: &'static str,
    pub gaps_count: &'static str,
    pub shared_with: &'static str,
    pub legal_basis: &'static str,
    pub no_equivalent: &'static str,
    pub no_legal_duty: &'static str,
    pub status_done: &'static str,
    pub status_todo: &'static str,
    pub status_verify: &'static str,
    pub annex: &'static str,
    pub annex_intro: &'static str,
    /// The annex's introduction when it leaves out what the chapters show.
    pub annex_intro_rest: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub note: &'static str,
    pub no_entries: &'static str,
    pub retired_title: &'static str,
    pub retired_intro: &'static str,
    pub severities: [&'static str; 4],
    pub contents: &'static str,
    pub page_of: &'static str,
    pub confidential: &'static str,
    pub question_bank: &'static str,
    pub other_specify: &'static str,
    /// A save found other answers changed elsewhere, and merged them.
    pub merged: &'static str,
    /// A save found the same answers changed elsewhere (`{theirs}`, `{ours}`).
    pub diverted: &'static str,
    /// Asks before replacing an answer (`{answer}`) with "don't know".
    pub replace_with_dont_know: &'static str,
    /// Asks before removing an entry (`{name}`).
    pub delete_entry: &'static str,
    /// "Don't know" on a list with entries.
    pub list_marked: &'static str,
    /// Undo with nothing to undo.
    pub nothing_to_undo: &'static str,
    /// Undo done, followed by the question's short name.
    pub undone: &'static str,
    /// A multiple choice answered with nothing ticked, on purpose.
    pub none_of_these: &'static str,
    /// A session of another bank (`{theirs}`, `{ours}`).
    pub foreign_bank: &'static str,
    /// A session of a newer version of the bank (`{theirs}`, `{ours}`).
    pub newer_bank: &'static str,
    /// The cover's band for an unfinished assessment (`{percent}`).
    pub draft_band: &'static str,
    /// An entry of a list with one shown question unanswered.
    pub entry_missing_one: &'static str,
    /// An entry with `{n}` shown questions unanswered.
    pub entry_missing_many: &'static str,
    /// The summary's heading over the good practices.
    pub strengths: &'static str,
    /// In place of the good practices when none was found.
    pub strengths_none: &'static str,
    /// The summary's heading over the first actions.
    pub first_steps: &'static str,
    /// The summary's heading over how the report is organised.
    pub how_to_read: &'static str,
    /// How the report is organised, in a few lines.
    pub how_to_read_text: &'static str,
    /// The colour key of the score chart: low, middle, high.
    pub score_key: [&'static str; 3],
    /// The heading over the advice grouped at the end of a chapter.
    pub in_future: &'static str,
    /// The action plan's number column.
    pub number: &'static str,
    /// The action plan's page column.
    pub page: &'static str,
    /// The heading over the signature block.
    pub sign_off: &'static str,
    /// The line left for who validates the report.
    pub validated_by: &'static str,
}

/// French UI strings.
pub static FR: Ui = Ui {
    and: "et",
    list_sep: "\u{202f}; ",
    yes: "Oui",
    no: "Non",
    dont_know: "Je ne sais pas",
    not_answered: "Sans réponse",
    report_title: "Évaluation de la confidentialité",
    report_subtitle: "Rapport de conformité et plan de sécurité",
    prepared_for: "Préparé pour",
    prepared_by: "Préparé par",
    firm: "Cabinet",
    client_contact: "Contact chez le client",
    visit_date: "Date de la visite",
    scope: "Périmètre",
    note_label: "Note prise lors de l’évaluation",
    marked_to_verify: "réponse donnée mais marquée «\u{a0}à vérifier\u{a0}»",
    answered_dont_know: "réponse «\u{a0}Je ne sais pas\u{a0}» ({area})",
    status_confirm: "À confirmer",
    unconfirmed: "{n}\u{a0}réponses reprises de l’évaluation précédente n’ont pas encore été confirmées\u{a0}: ce rapport les prend telles quelles. Elles sont marquées «\u{a0}à confirmer\u{a0}» en annexe.",
    date: "Date",
    legal_framework: "Cadre juridique",
    summary: "Synthèse",
    overall_score: "Note globale",
    score: "Note",
    completion: "Questions traitées",
    good_practices: "Bonnes pratiques",
    to_verify_count: "Points à vérifier",
    scores_by_area: "Note par domaine",
    not_assessed: "non évalué",
    too_few_answers: "trop peu de réponses",
    unscored_gap: "non noté\u{a0}: 1 écart à corriger",
    unscored_gaps: "non noté\u{a0}: {n} écarts à corriger",
    severity_because: "Priorité {severity}, car {because}.",
    action_plan: "Plan d’action prioritaire",
    action_plan_intro: "Les mesures ci-dessous corrigent les écarts constatés, de la plus urgente à la moins urgente.",
    action_plan_empty: "Aucun écart n’a été constaté dans les réponses données.",
    priority: "Priorité",
    action: "À faire",
    area: "Domaine",
    to_verify_title: "Points à vérifier",
    to_verify_intro: "Ces points n’ont pas pu être évalués, faute de réponse sûre. Vérifiez-les avant de considérer le plan comme complet.",
    what_to_do: "Ce qu’il faut faire\u{a0}:",
    good_practice: "Bonne pratique",
    advice: "Conseil",
    gaps_count: "Écarts à corriger",
    shared_with: "Communiqué à",
    legal_basis: "Références\u{a0}:",
    no_equivalent: "pas de disposition équivalente",
    no_legal_duty: "bonne pratique recommandée, sans obligation légale précise",
    status_done: "En place",
    status_todo: "À faire",
    status_verify: "À vérifier",
    annex: "Annexe\u{a0}: réponses données",
    annex_intro: "Toutes les réponses enregistrées, section par section, avec les notes prises pendant l’évaluation.",
    annex_intro_rest: "Les réponses que les chapitres ne montrent pas déjà, section par section, avec les notes prises pendant l’évaluation.",
    question: "Question",
    answer: "Réponse",
    note: "Note",
    no_entries: "Aucune entrée",
    retired_title: "Réponses à des questions retirées",
    retired_intro: "Ces réponses ont été données avec une version précédente du questionnaire. Elles sont conservées mais ne sont plus évaluées.",
    severities: ["Critique", "Élevée", "Moyenne", "Faible"],
    contents: "Table des matières",
    page_of: "page {page} sur {pages}",
    confidential: "Document confidentiel\u{a0}: il décrit les pratiques internes de l’organisation en matière de protection de la vie privée.",
    question_bank: "Questionnaire",
    other_specify: "Autre, précisez\u{a0}:",
    merged: "Le fichier avait été modifié ailleurs\u{202f}; ses réponses et les vôtres sont réunies.",
    diverted: "{theirs} a été modifié ailleurs sur les mêmes réponses\u{202f}; il est laissé tel quel et vos réponses sont enregistrées dans {ours}.",
    replace_with_dont_know: "Remplacer la réponse «\u{a0}{answer}\u{a0}» par «\u{a0}Je ne sais pas\u{a0}»\u{202f}?",
    delete_entry: "Supprimer «\u{a0}{name}\u{a0}» et toutes ses réponses\u{202f}?",
    list_marked: "Liste marquée «\u{a0}à vérifier\u{a0}»\u{202f}; ses entrées sont conservées.",
    nothing_to_undo: "Rien à annuler.",
    undone: "Modification annulée\u{a0}:",
    none_of_these: "Aucun de ces choix",
    foreign_bank: "cette évaluation a été faite avec le questionnaire `{theirs}`, pas `{ours}`\u{202f}; ouvrez-la avec ce questionnaire (--questions DOSSIER)",
    newer_bank: "cette évaluation a été faite avec la version {theirs} du questionnaire, plus récente que celle de ce privaudit ({ours})\u{202f}; les réponses qu’il ne connaît pas sont mises de côté, pas perdues",
    draft_band: "BROUILLON — {percent} des questions répondues",
    entry_missing_one: "1 question sans réponse",
    entry_missing_many: "{n} questions sans réponse",
    strengths: "Ce que vous faites bien",
    strengths_none: "Les réponses ne font pas encore ressortir de bonne pratique\u{a0}: le plan d’action dit par où commencer.",
    first_steps: "À faire en premier",
    how_to_read: "Comment lire la suite",
    how_to_read_text: "Le plan d’action liste tous les écarts, du plus urgent au moins urgent\u{202f}; chaque numéro renvoie au constat, qui dit ce qu’il faut faire. Une note sur 100 est la part des exigences respectées, pondérée par leur gravité. «\u{a0}À l’avenir\u{a0}», en fin de chapitre, réunit des conseils pour plus tard.",
    score_key: ["moins de 50", "de 50 à 74", "75 et plus"],
    in_future: "À l’avenir",
    number: "N°",
    page: "Page",
    sign_off: "Validation du rapport",
    validated_by: "Validé par",
};

/// English UI strings.
pub static EN: Ui = Ui {
    and: "and",
    list_sep: "; ",
    yes: "Yes",
    no: "No",
    dont_know: "Don’t know",
    not_answered: "Not answered",
    report_title: "Privacy Assessment",
    report_subtitle: "Compliance report and security plan",
    prepared_for: "Prepared for",
    prepared_by: "Prepared by",
    firm: "Firm",
    client_contact: "Contact person",
    visit_date: "Visit date",
    scope: "Scope",
    note_label: "Note taken during the assessment",
    marked_to_verify: "answer given but marked “to verify”",
    answered_dont_know: "answered “Don’t know” ({area})",
    status_confirm: "To confirm",
    unconfirmed: "{n} answers carried over from the previous assessment are not confirmed yet: this report takes them as they are. The annex marks them “to confirm”.",
    date: "Date",
    legal_framework: "Legal framework",
    summary: "Summary",
    overall_score: "Overall score",
    score: "Score",
    completion: "Questions answered",
    good_practices: "Good practices",
    to_verify_count: "Points to verify",
    scores_by_area: "Score by area",
    not_assessed: "not assessed",
    too_few_answers: "too few answers",
    unscored_gap: "not scored: 1 gap to fix",
    unscored_gaps: "not scored: {n} gaps to fix",
    severity_because: "{Severity} priority, because {because}.",
    action_plan: "Prioritized action plan",
    action_plan_intro: "The measures below close the gaps found, most urgent first.",
    action_plan_empty: "No gap was found in the answers given.",
    priority: "Priority",
    action: "Action",
    area: "Area",
    to_verify_title: "Points to verify",
    to_verify_intro: "These points could not be assessed because the answer was uncertain. Check them before treating the plan as complete.",
    what_to_do: "What to do:",
    good_practice: "Good practice",
    advice: "Advice",
    gaps_count: "Gaps to fix",
    shared_with: "Shared with",
    legal_basis: "References:",
    no_equivalent: "no equivalent provision",
    no_legal_duty: "recommended practice, not a specific legal duty",
    status_done: "In place",
    status_todo: "To do",
    status_verify: "To verify",
    annex: "Appendix: answers given",
    annex_intro: "Every recorded answer, section by section, with the notes taken during the assessment.",
    annex_intro_rest: "The answers the chapters do not already show, section by section, with the notes taken during the assessment.",
    question: "Question",
    answer: "Answer",
    note: "Note",
    no_entries: "No entries",
    retired_title: "Answers to retired questions",
    retired_intro: "These answers were given with an earlier version of the questionnaire. They are kept but no longer assessed.",
    severities: ["Critical", "High", "Medium", "Low"],
    contents: "Contents",
    page_of: "page {page} of {pages}",
    confidential: "Confidential: this document describes the organization’s internal practices regarding personal information.",
    question_bank: "Question bank",
    other_specify: "Other, specify:",
    merged: "The file had been changed elsewhere; its answers and yours are now combined.",
    diverted: "{theirs} was changed elsewhere in the same answers; it is left as it is and your answers are saved in {ours}.",
    replace_with_dont_know: "Replace the answer “{answer}” with “Don’t know”?",
    delete_entry: "Remove “{name}” and all its answers?",
    list_marked: "List marked “to verify”; its entries are kept.",
    nothing_to_undo: "Nothing to undo.",
    undone: "Change undone:",
    none_of_these: "None of these",
    foreign_bank: "this session was answered with the question bank `{theirs}`, not `{ours}`; open it with that bank (--questions DIR)",
    newer_bank: "this session was answered with version {theirs} of the question bank, newer than this privaudit’s {ours}; answers it does not know are set aside, not lost",
    draft_band: "DRAFT — {percent} of questions answered",
    entry_missing_one: "1 question unanswered",
    entry_missing_many: "{n} questions unanswered",
    strengths: "What you do well",
    strengths_none: "The answers do not show a good practice yet: the action plan says where to start.",
    first_steps: "What to do first",
    how_to_read: "How to read the rest",
    how_to_read_text: "The action plan lists every gap, most urgent first; each number leads to its finding, which says what to do. A score out of 100 is the share of the requirements met, weighted by severity. “Looking ahead”, at the end of a chapter, gathers advice for later.",
    score_key: ["under 50", "50 to 74", "75 and over"],
    in_future: "Looking ahead",
    number: "No.",
    page: "Page",
    sign_off: "Sign-off",
    validated_by: "Validated by",
};

impl Ui {
    /// The word for a severity: "Critique", "Bonne pratique", "Advice"...
    pub fn severity(&self, severity: crate::bank::Severity) -> &'static str {
        use crate::bank::Severity;
        match severity {
            Severity::Critical => self.severities[0],
            Severity::High => self.severities[1],
            Severity::Medium => self.severities[2],
            Severity::Low => self.severities[3],
            Severity::GoodPractice => self.good_practice,
            Severity::Advice => self.advice,
        }
    }
}

/// The UI strings of `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// What the system said about a file, in `lang`: the usual cases in words a
/// user understands, anything else as the system said it.
pub fn describe_io(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let fr = lang == Lang::Fr;
    let text = e.to_string();
    let said = match e.kind() {
        K::NotFound => Some(("fichier ou dossier introuvable", "no such file or folder")),
        K::PermissionDenied => Some(("accès refusé", "permission denied")),
        K::NotADirectory => Some((
            "un élément du chemin n’est pas un dossier",
            "part of the path is not a folder",
        )),
        K::IsADirectory => Some((
            "c’est un dossier, pas un fichier",
            "it is a folder, not a file",
        )),
        K::ReadOnlyFilesystem => Some(("le disque est en lecture seule", "the disk is read-only")),
        K::StorageFull => Some(("le disque est plein", "the disk is full")),
        K::InvalidInput if text == "not a regular file" => {
            Some(("ce n’est pas un fichier ordinaire", "not a regular file"))
        }
        _ => None,
    };
    match said {
        Some((french, english)) => if fr { french } else { english }.to_string(),
        None => text,
    }
}

/// A colon after a label as each language writes it: "\u{a0}:" in French
/// (a no-break space before), ":" in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str], lang: Lang) -> String {
        join_list(
            &items.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            lang,
        )
    }

    #[test]
    fn lists_read_as_sentences_and_items_with_commas_take_semicolons() {
        assert_eq!(list(&["a", "b", "c"], Lang::Fr), "a, b et c");
        assert_eq!(list(&["a", "b"], Lang::En), "a and b");
        assert_eq!(
            list(&["Mailchimp (nom, courriel)", "OVH", "Stripe"], Lang::Fr),
            "Mailchimp (nom, courriel)\u{a0}; OVH et Stripe"
        );
        assert_eq!(
            list(&["Mailchimp (name, e-mail)", "OVH", "Stripe"], Lang::En),
            "Mailchimp (name, e-mail); OVH and Stripe"
        );
    }
}
