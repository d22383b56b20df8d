//! Turns a path inside a JSON document (`questions[3].options[1]`) into a line
//! and column, so that every problem points at the exact place in the file.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use std::fmt;
use std::sync::Arc;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A property of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

impl From<&str> for Seg {
    fn from(key: &str) -> Seg {
        Seg::Key(key.to_string())
    }
}

impl From<usize> for Seg {
    fn from(index: usize) -> Seg {
        Seg::Index(index)
    }
}

/// A path into a JSON document. Validation makes one for every node of the
/// bank and keeps only those with a problem, so a path shares its parent's
/// steps rather than copying them: extending it is one allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer(Option<Arc<Step>>);

/// The last step of a path and the path before it.
#[derive(Debug, PartialEq, Eq)]
struct Step {
    parent: Pointer,
    seg: Seg,
}

impl Pointer {
    /// This path extended by one step.
    pub fn at(&self, seg: impl Into<Seg>) -> Pointer {
        Pointer(Some(Arc::new(Step {
            parent: self.clone(),
            seg: seg.into(),
        })))
    }

    /// The steps from the document's root.
    pub fn segments(&self) -> Vec<&Seg> {
        let mut segs = Vec::new();
        let mut here = self;
        while let Some(step) = &here.0 {
            segs.push(&step.seg);
            here = &step.parent;
        }
        segs.reverse();
        segs
    }

    /// The last step, if any.
    pub fn last(&self) -> Option<&Seg> {
        self.0.as_ref().map(|step| &step.seg)
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.segments().into_iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The 1-based line and column of the value at `pointer` in `text`, or of the
/// deepest part of the path that exists. For an object property, the position
/// is that of its name.
pub fn locate(text: &str, pointer: &Pointer) -> (usize, usize) {
    let parsed = jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default());
    let Some(root) = parsed.ok().and_then(|p| p.value) else {
        return (1, 1);
    };
    let mut value = &root;
    let mut offset = value.start();
    for seg in pointer.segments() {
        let next = match (seg, value) {
            (Seg::Key(k), Value::Object(obj)) => obj.get(k).map(|p| (p.start(), &p.value)),
            (Seg::Index(i), Value::Array(arr)) => arr.elements.get(*i).map(|v| (v.start(), v)),
            _ => None,
        };
        let Some((start, inner)) = next else { break };
        offset = start;
        value = inner;
    }
    line_column(text, offset)
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The first key given twice in one object of `text`, with its path and the
/// 1-based line and column of its second occurrence. serde_json keeps the last
/// value silently; privaudit's files refuse the repetition instead.
pub fn duplicate_key(text: &str) -> Option<(Pointer, usize, usize)> {
    let parsed = jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default()).ok()?;
    let root = parsed.value?;
    let mut path = Pointer::default();
    let offset = first_duplicate(&root, &mut path)?;
    let (line, column) = line_column(text, offset);
    Some((path, line, column))
}

/// Depth first: the byte offset of the first repeated key; `path` ends at it.
fn first_duplicate(value: &Value, path: &mut Pointer) -> Option<usize> {
    match value {
        Value::Object(obj) => {
            let mut seen = std::collections::HashSet::new();
            for prop in &obj.properties {
                let name = prop.name.as_str();
                let parent = std::mem::replace(path, path.at(name));
                if !seen.insert(name) {
                    return Some(prop.start());
                }
                if let Some(at) = first_duplicate(&prop.value, path) {
                    return Some(at);
                }
                *path = parent;
            }
            None
        }
        Value::Array(arr) => {
            for (i, element) in arr.elements.iter().enumerate() {
                let parent = std::mem::replace(path, path.at(i));
                if let Some(at) = first_duplicate(element, path) {
                    return Some(at);
                }
                *path = parent;
            }
            None
        }
        _ => None,
    }
}
