//! Items grouped by an index, in two flat vectors instead of one vector per
//! group: the structure tree of a long report has hundreds of thousands of
//! elements, most with one or two children or pieces of content.

/// Items grouped by an index from 0 to `len`, each group in the order its
/// items were given.
#[derive(Debug)]
pub struct Groups<T> {
    /// Where each group starts in `items`; one more entry than groups.
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T> Groups<T> {
    /// `len` groups of the `(group, item)` pairs.
    pub fn new(len: usize, pairs: impl IntoIterator<Item = (usize, T)>) -> Groups<T> {
        let mut pairs: Vec<(usize, T)> = pairs.into_iter().collect();
        // A stable sort keeps each group's items in the order given.
        pairs.sort_by_key(|&(group, _)| group);
        let mut starts = vec![0; len + 1];
        for &(group, _) in &pairs {
            starts[group + 1] += 1;
        }
        for i in 1..=len {
            starts[i] += starts[i - 1];
        }
        let items = pairs.into_iter().map(|(_, item)| item).collect();
        Groups { starts, items }
    }

    /// The items of `group`.
    pub fn of(&self, group: usize) -> &[T] {
        &self.items[self.starts[group]..self.starts[group + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_keeps_its_items_in_the_order_given() {
        let pairs = [(2, 'a'), (0, 'b'), (2, 'c'), (0, 'd')];
        let groups = Groups::new(4, pairs);
        assert_eq!(groups.of(0), ['b', 'd']);
        assert_eq!(groups.of(1), [] as [char; 0]);
        assert_eq!(groups.of(2), ['a', 'c']);
        assert_eq!(groups.of(3), [] as [char; 0]);
    }
}
