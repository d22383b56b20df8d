//! The document's logical structure, for assistive technology: a tree of
//! standard structure types (headings, paragraphs, lists, tables, figures,
//! links) built while the report is composed, and the marks that tie what is
//! drawn on a page to a node of the tree, or declare it an artifact.

use super::groups::Groups;

/// A node of the structure tree, by its index.
pub type NodeId = usize;

/// The structure element that holds the whole document.
pub const ROOT: NodeId = 0;

/// A standard structure type (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The whole document.
    Document,
    /// A heading of the first level: the cover's title, each chapter.
    H1,
    /// A heading of the second level.
    H2,
    /// A heading of the third level.
    H3,
    /// A paragraph.
    P,
    /// A list.
    L,
    /// A list item.
    LI,
    /// A list item's label (bullet, number, status).
    Lbl,
    /// A list item's body.
    LBody,
    /// A table.
    Table,
    /// A table's caption.
    Caption,
    /// A table row.
    TR,
    /// A header cell.
    TH,
    /// A data cell.
    TD,
    /// A figure, described by its alternate text.
    Figure,
    /// A table of contents.
    TOC,
    /// An entry of the table of contents.
    TOCI,
    /// A link: its text and its annotation.
    Link,
}

impl Role {
    /// The structure type's name, as written in the PDF.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::Caption => "Caption",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Figure => "Figure",
            Role::TOC => "TOC",
            Role::TOCI => "TOCI",
            Role::Link => "Link",
        }
    }
}

/// Which cells a header cell is the header of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The cells below it.
    Column,
    /// The cells beside it.
    Row,
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Its type.
    pub role: Role,
    /// Its parent (the root is its own parent).
    pub parent: NodeId,
    /// Alternate text (figures).
    pub alt: Option<String>,
    /// What a header cell heads.
    pub scope: Option<Scope>,
}

/// The structure tree; children are read in the order they were added.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    /// Every node; [`ROOT`] first.
    pub nodes: Vec<Node>,
}

impl Default for Tree {
    fn default() -> Tree {
        Tree {
            nodes: vec![Node {
                role: Role::Document,
                parent: ROOT,
                alt: None,
                scope: None,
            }],
        }
    }
}

impl Tree {
    /// Adds a node of `role` as the last child of `parent`.
    pub fn add(&mut self, parent: NodeId, role: Role) -> NodeId {
        self.nodes.push(Node {
            role,
            parent,
            alt: None,
            scope: None,
        });
        self.nodes.len() - 1
    }

    /// The children of every node, in reading order.
    pub(crate) fn children(&self) -> Groups<NodeId> {
        let pairs = self.nodes.iter().enumerate().skip(1);
        Groups::new(self.nodes.len(), pairs.map(|(id, node)| (node.parent, id)))
    }

    /// The nodes in reading order (depth first), root first.
    pub fn reading_order(&self) -> Vec<NodeId> {
        let children = self.children();
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![ROOT];
        while let Some(id) = stack.pop() {
            out.push(id);
            stack.extend(children.of(id).iter().rev());
        }
        out
    }
}

/// What the items that follow on a page are, until the next mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Real content of a structure element.
    Node(NodeId),
    /// Decoration: rules, bars, tints, icons that a word says again,
    /// a table header repeated on a new page.
    Artifact,
    /// The running footer.
    Footer,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_read_in_the_order_they_were_added_depth_first() {
        let mut tree = Tree::default();
        let h1 = tree.add(ROOT, Role::H1);
        let list = tree.add(ROOT, Role::L);
        let item = tree.add(list, Role::LI);
        let p = tree.add(ROOT, Role::P);
        let body = tree.add(item, Role::LBody);
        assert_eq!(tree.reading_order(), [ROOT, h1, list, item, body, p]);
    }
}
