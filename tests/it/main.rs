//! The one integration-test binary: fixture sites, the shipped guide, and the server over real HTTP.

mod area;
mod caching;
mod export;
mod fixtures;
mod four_occupations;
mod guide;
mod helpers;
mod hostile;
mod http;
mod next_release;
mod oews;
mod offer_ties;
mod on_demand;
mod pair;
mod pay;
mod pay_flags;
mod prices;
mod programs;
mod salary;
mod schools;
mod sharing;
mod snapshots;
mod watch;
mod words;
