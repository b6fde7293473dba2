//! One state for each thing the page shows more than once: a poll in the
//! sidebar and on the polls page, an article's rating each time the article
//! is opened. Every view of it reads and writes the same signal, so they
//! never disagree (a vote in one shows its results in the other).

use leptos::prelude::*;

/// The states of one kind of thing, by key; provided once, at the top of the app.
struct Shared<K: 'static, V: 'static>(StoredValue<Vec<(K, ArcRwSignal<V>)>, LocalStorage>);

impl<K, V> Clone for Shared<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K, V> Copy for Shared<K, V> {}

/// Makes states of `V` by `K` shareable below; call once, at the top of the app.
pub fn provide_shared<K: 'static, V: 'static>() {
    provide_context(Shared::<K, V>(StoredValue::new_local(Vec::new())));
}

/// The state of the thing `key`, made with `init` the first time it is
/// asked for. Without a provider (a component mounted on its own) the state
/// is this view's alone.
pub fn use_shared<K, V>(key: K, init: impl FnOnce() -> V) -> RwSignal<V>
where
    K: PartialEq + 'static,
    V: Send + Sync + 'static,
{
    let Some(shared) = use_context::<Shared<K, V>>() else {
        return RwSignal::new(init());
    };
    let found = shared
        .0
        .with_value(|all| all.iter().find(|(k, _)| *k == key).map(|(_, s)| s.clone()));
    let signal = found.unwrap_or_else(|| {
        let made = ArcRwSignal::new(init());
        shared.0.update_value(|all| all.push((key, made.clone())));
        made
    });
    signal.into()
}
