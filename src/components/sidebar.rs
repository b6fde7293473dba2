//! The blocks beside the page (below it on phones).

use leptos::prelude::*;
use ntm_types::{DocumentPage, Poll};
use ntm_views::checked_url;
use ntm_views::documents::DocumentItems;
use ntm_views::links::new_tab_note;

use super::block::Block;
use super::loaded::{render, Loaded, Render};
use super::member::use_membership;
use super::poll::PollWidget;
use super::shell::{use_site, SiteFailure};
use super::stats::StatsBlock;
use crate::api::{self, DocumentSearch, Endpoint};
use crate::format::now;

#[component]
pub fn Sidebar() -> impl IntoView {
    let latest_documents = Endpoint::Documents(DocumentSearch {
        page: 1,
        per_page: 5,
        ..Default::default()
    });
    view! {
        <aside class="sidebar" aria-label="Thông tin thêm">
            <LoadedBlock
                id="block-documents"
                title="Văn bản ban hành"
                endpoint=latest_documents
                view=render(|page: DocumentPage| view! { <DocumentItems items=page.items now=now()/> })
                empty="Chưa có văn bản nào."
                more=("/van-ban", "Xem tất cả văn bản")
            />
            <LoadedBlock
                id="block-poll"
                title="Thăm dò ý kiến"
                endpoint=Endpoint::CurrentPoll
                per_member=true
                view=render(|p: Poll| view! { <PollWidget poll=p/> })
                empty="Hiện chưa có cuộc thăm dò nào."
                more=("/tham-do-y-kien", "Các cuộc thăm dò khác")
            />
            <StatsBlock/>
            <SongsBlock/>
            <PartnersBlock/>
        </aside>
    }
}

/// The site's songs (e.g. "Hát về nông thôn mới"): the browser's own players,
/// never playing by themselves. Not shown when the site has none (style/main.css).
#[component]
fn SongsBlock() -> impl IntoView {
    let site = use_site();
    let title = move || {
        site.with(|s| match s.as_ref().map(|s| s.songs_title.trim()) {
            Some(t) if !t.is_empty() => t.to_owned(),
            _ => "Bài hát".to_owned(),
        })
    };
    // The block's own frame: its title comes with the site.
    view! {
        <section class="block" aria-labelledby="block-songs">
            <h2 class="block-title" id="block-songs">{title}</h2>
            <SiteFailure/>
            {move || site.with(|s| s.as_ref().map(|s| s.songs.clone())).map(|songs| view! {
            <ul class="songs">
                {songs
                    .into_iter()
                    .map(|song| {
                        let by = (!song.performer.trim().is_empty()).then(|| format!(" – {}", song.performer));
                        let src = checked_url("src", song.src.clone());
                        // A file this page may not load: a link to it instead of a silent player.
                        let player = if src.is_empty() {
                            let href = checked_url("href", song.src);
                            view! { <a href=href rel="noopener noreferrer">"Mở tệp bài hát"</a> }.into_any()
                        } else {
                            // Behind a disclosure: a player's own controls cost a
                            // slow phone more to draw at start than the rest of
                            // the block, and are built only when opened.
                            let name = song.title.clone();
                            view! {
                                <details class="song-player">
                                    <summary>"Nghe " <span class="visually-hidden">{name}</span></summary>
                                    <audio controls preload="none">
                                        <source src=src type=song.media_type/>
                                    </audio>
                                </details>
                            }
                            .into_any()
                        };
                        view! {
                            <li>
                                <p class="song-title">{song.title} {by}</p>
                                {player}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            })}
        </section>
    }
}

/// Partner links with their logos, and the office's Zalo QR code. Not shown
/// when the site has neither (style/main.css).
#[component]
fn PartnersBlock() -> impl IntoView {
    let site = use_site();
    view! {
        <Block id="block-partners" title="Liên kết">
            <SiteFailure/>
            {move || site.get().map(|s| view! {
                <ul class="partners">
                    {s.partners
                        .into_iter()
                        .map(|p| view! {
                            <li>
                                // Another site, in a new tab that cannot reach back into this one.
                                <a href=checked_url("href", p.url) target="_blank" rel="noopener noreferrer external">
                                    <img src=checked_url("src", p.logo.src) alt=p.name width=p.logo.width height=p.logo.height loading="lazy"/>
                                    {new_tab_note()}
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ul>
                {s.zalo_qr.map(|q| view! {
                    <figure class="zalo-qr">
                        <img src=checked_url("src", q.src) alt=q.alt.clone() width=q.width height=q.height loading="lazy"/>
                        <figcaption>"Mã QR Zalo"</figcaption>
                    </figure>
                })}
            })}
        </Block>
    }
}

/// A block showing what one endpoint returns, with its own loading and error
/// states (a failing block never takes the page down), and a "more" link.
#[component]
fn LoadedBlock(
    id: &'static str,
    title: &'static str,
    endpoint: Endpoint,
    view: Render,
    /// Said when the backend has nothing to show.
    empty: &'static str,
    /// (href, text) of the link to the whole list.
    more: (&'static str, &'static str),
    /// Asked again when a member signs in or out (the answer says how this
    /// member voted).
    #[prop(optional)]
    per_member: bool,
) -> impl IntoView {
    let member = use_membership().member_id;
    let resource = api::resource(move || {
        if per_member {
            member.track();
        }
        endpoint.clone()
    });
    view! {
        <Block id title>
            <Loaded
                resource
                placeholder=|| view! { <p class="block-loading">"Đang tải…"</p> }
                on_missing=move || view! { <p>{empty}</p> }.into_any()
                view=view.clone()
            />
            <p class="block-more"><a href=more.0>{more.1}</a></p>
        </Block>
    }
}
