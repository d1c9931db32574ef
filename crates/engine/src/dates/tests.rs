//! Phenomenon tests of the whole date layer: each case gives its text, the expected
//! span texts and their TimeML values, against a document dated Friday 2013-03-22.

use super::*;

fn dct() -> Option<CalendarDate> {
    CalendarDate::new(2013, 3, 22)
}

/// (span text, value) of every mention.
fn found(text: &str) -> Vec<(String, String)> {
    extract(text, dct())
        .into_iter()
        .map(|m| {
            (
                text[m.span.range()].to_string(),
                m.value.unwrap_or_default(),
            )
        })
        .collect()
}

fn check(text: &str, expected: &[(&str, &str)]) {
    let got = found(text);
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(s, v)| (s.to_string(), v.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn calendar_dates() {
    check(
        "It began on 22 June 2021.",
        &[("22 June 2021", "2021-06-22")],
    );
    check(
        "It began on June 22, 2021.",
        &[("June 22, 2021", "2021-06-22")],
    );
    // Talks that already failed cannot lie half a year ahead: they were last year's.
    check("Talks on Sept. 27 failed.", &[("Sept. 27", "2012-09-27")]);
    check("Talks on April 2 failed.", &[("April 2", "2013-04-02")]);
    check("Talks on Dec. 2 failed.", &[("Dec. 2", "2012-12-02")]);
    check(
        "Filed 27/09/2020 and 2020-09-27.",
        &[("27/09/2020", "2020-09-27"), ("2020-09-27", "2020-09-27")],
    );
    check("Since 1994 the line held.", &[("1994", "1994")]);
    check("By mid-2019 it was over.", &[("mid-2019", "2019")]);
    check("In August 1988 they met.", &[("August 1988", "1988-08")]);
    check(
        "It was on Monday, Oct. 26.",
        &[("Monday, Oct. 26", "2012-10-26")],
    );
}

#[test]
fn decades_centuries_quarters_fiscal() {
    check("Unlike in the 1990s, it holds.", &[("the 1990s", "199")]);
    check(
        "Profit rose in the first quarter.",
        &[("the first quarter", "2013-Q1")],
    );
    check(
        "Third-quarter profit fell.",
        &[("Third-quarter", "2012-Q3")],
    );
    check(
        "Third-quarter's profit will fall.",
        &[("Third-quarter", "2013-Q3")],
    );
    check("Sales in fiscal 1998 rose.", &[("fiscal 1998", "1998")]);
    check(
        "It dates from the 19th century.",
        &[("the 19th century", "18")],
    );
    check(
        "in the first half of 1989",
        &[("the first half of 1989", "1989-H1")],
    );
}

#[test]
fn times() {
    check(
        "18:50 GMT - Turkey denies it",
        &[("18:50 GMT", "2013-03-22T18:50")],
    );
    check("The blast came at 6am.", &[("6am", "2013-03-22T06:00")]);
    check(
        "at 10:44 a.m. local time",
        &[("10:44 a.m. local time", "2013-03-22T10:44")],
    );
    check(
        "on Monday at 3.00 pm",
        &[("Monday", "2013-03-18"), ("3.00 pm", "2013-03-18T15:00")],
    );
    check(
        "at 16:00 UTC today",
        &[("16:00 UTC today", "2013-03-22T16:00Z")],
    );
    check(
        "This morning the guns fell silent.",
        &[("This morning", "2013-03-22TMO")],
    );
    check("It ended late Friday.", &[("late Friday", "2013-03-22")]);
    check(
        "Shelling went on overnight.",
        &[("overnight", "2013-03-22TNI")],
    );
    check(
        "They met Friday morning.",
        &[("Friday morning", "2013-03-22TMO")],
    );
}

#[test]
fn live_blog_stamps() {
    check(
        "Updates:\n01:57\n  Two hurt\n",
        &[("01:57", "2013-03-22T01:57")],
    );
}

#[test]
fn relative_and_deictic() {
    check("He spoke Tuesday.", &[("Tuesday", "2013-03-19")]);
    check("He will speak Tuesday.", &[("Tuesday", "2013-03-26")]);
    check("It fell yesterday.", &[("yesterday", "2013-03-21")]);
    check("It fell last week.", &[("last week", "2013-W11")]);
    check(
        "It fell earlier this month.",
        &[("earlier this month", "2013-03")],
    );
    check("It fell two years ago.", &[("two years ago", "2011")]);
    check(
        "It rose over the past three months.",
        &[("the past three months", "P3M")],
    );
    check("It will rise next year.", &[("next year", "2014")]);
    check("It is calm now.", &[("now", "PRESENT_REF")]);
    check("It was calm recently.", &[("recently", "PAST_REF")]);
    check(
        "Talks resume in the coming days.",
        &[("the coming days", "FUTURE_REF")],
    );
    check("It fell last May.", &[("last May", "2012-05")]);
    check("It fell last fall.", &[("last fall", "2012-FA")]);
    check("It rises this summer.", &[("this summer", "2013-SU")]);
}

#[test]
fn then_current_is_a_past_present() {
    check(
        "Holders may buy shares at half the then current price.",
        &[("then current", "PAST_REF")],
    );
    check("The current price is low.", &[("current", "PRESENT_REF")]);
}

#[test]
fn one_day_after_a_modal_is_some_future_day() {
    check(
        "The town could one day be a city.",
        &[("one day", "FUTURE_REF")],
    );
    check("Prices fell 5% in one day.", &[("one day", "P1D")]);
    check("He had been in the job one day.", &[("one day", "P1D")]);
}

#[test]
fn durations_and_sets() {
    check("It lasted six weeks.", &[("six weeks", "P6W")]);
    check("for nearly two weeks", &[("nearly two weeks", "P2W")]);
    check("fighting for a third day", &[("a third day", "P1D")]);
    check("for 30 years", &[("30 years", "P30Y")]);
    check("a decades-long conflict", &[("decades-long", "PXDE")]);
    check("They meet every day.", &[("every day", "P1D")]);
    check("It is published weekly.", &[("weekly", "P1W")]);
    check("a 10-hour shift", &[("10-hour", "PT10H")]);
    check(
        "for two and a half years",
        &[("two and a half years", "P2Y6M")],
    );
    check("for several years", &[("several years", "PXY")]);
}

#[test]
fn no_dates_in_counts_and_labels() {
    check("49 soldiers were killed.", &[]);
    check("Resolution 822 demands it.", &[]);
    check("It costs $15 billion.", &[]);
    check("They won 3-1 and 2:1.", &[]);
    check("Some 4,000 fighters arrived.", &[]);
    check(
        "Resolutions 822, 853, 874, 884 of 1993",
        &[("1993", "1993")],
    );
    check("About 1500 people fled.", &[]);
    check("It costs $1.35 a share.", &[]);
}

#[test]
fn no_leading_preposition() {
    for text in [
        "on Tuesday",
        "in 1994",
        "since 2016",
        "by Friday",
        "until June",
        "for six weeks",
    ] {
        let got = found(text);
        assert_eq!(got.len(), 1, "{text}");
        let preposition = text.split(' ').next().unwrap_or_default();
        assert_eq!(got[0].0, text[preposition.len() + 1..], "{text}");
    }
}

#[test]
fn named_days_and_spelled_years() {
    check(
        "It happened on Thanksgiving Day.",
        &[("Thanksgiving Day", "2012-11-22")],
    );
    check(
        "They met last Christmas.",
        &[("last Christmas", "2012-12-25")],
    );
    check(
        "in January nineteen ninety-seven",
        &[("January nineteen ninety-seven", "1997-01")],
    );
    check(
        "by the year two thousand",
        &[("the year two thousand", "2000")],
    );
    check("cars of the 70s", &[("the 70s", "197")]);
    check("its lowest level since '82", &[("'82", "1982")]);
    check("through the nineties", &[("the nineties", "199")]);
}

#[test]
fn financial_periods() {
    check(
        "Sales slipped below the year-ago quarter.",
        &[("the year-ago quarter", "2011-Q4")],
    );
    check(
        "Sales rose from the same period last year.",
        &[("the same period last year", "2012")],
    );
    check(
        "as early as next year's first quarter",
        &[("next year's first quarter", "2014-Q1")],
    );
    check(
        "earnings for the fiscal year",
        &[("the fiscal year", "2013")],
    );
    check(
        "a rolling year-earlier comparison",
        &[("year-earlier", "2012")],
    );
}

#[test]
fn not_temporal() {
    check("a 6-year-old boy", &[]);
    check("He is 37 years old.", &[]);
    check("about a quarter of the market", &[]);
    check("as soon as they can", &[]);
    check("the long-term partnership", &[]);
    check("It costs $5 a year.", &[]);
    check("open 24 hours a day", &[("24 hours", "PT24H")]);
}

#[test]
fn without_a_document_date() {
    let got: Vec<_> = extract("On June 22 and on Tuesday.", None)
        .into_iter()
        .map(|m| m.value.unwrap_or_default())
        .collect();
    assert_eq!(got, ["XXXX-06-22", "XXXX-WXX-2"]);
}

#[test]
fn dateline_is_not_a_mention() {
    let text = "Markets fall\nOctober 06 , 2008\nStocks fell today.";
    let d = infer_dct(text);
    assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2008-10-06"));
    let got: Vec<_> = extract(text, d)
        .into_iter()
        .map(|m| m.value.unwrap_or_default())
        .collect();
    assert_eq!(got, ["2008-10-06"]);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        " ",
        "\n\n",
        "May",
        "1/2",
        "'",
        "'9",
        "12:",
        ":30",
        "the",
        "every",
        "a few",
        "Sept.",
        "2020-",
        "—",
        "👍 Friday 👍",
        "\u{0301}1994",
    ] {
        let _ = extract(text, dct());
        let _ = extract(text, None);
        let _ = infer_dct(text);
    }
    for text in [
        "a thousand thousand thousand thousand thousand years ago",
        "99999999999999999999 days ago and 1e300 weeks",
        "the past thousand thousand thousand thousand centuries",
        "every thousand thousand thousand thousand thousand thousand days",
        "25:61 and 24:00 and 00:00 on 31/02/2020 or 2020-13-45",
        "'99 '9 '' nineteen ninety nineties the nineties",
        "last Thanksgiving next Easter Christmas",
    ] {
        for d in [
            dct(),
            CalendarDate::new(9999, 12, 31),
            CalendarDate::new(1, 1, 1),
            None,
        ] {
            let _ = extract(text, d);
        }
    }
    let big: String = "1994 June 22, 12:30 Friday 4,000 Sept. ".repeat(2000);
    let got = extract(&big, dct());
    assert!(got.len() >= 2000);
}

/// Throughput benchmark over 1 MB of dense date material; run on demand with
/// `cargo test --release -p claimlens-core dates_throughput -- --ignored --nocapture`.
#[test]
#[ignore = "benchmark, run on demand"]
fn dates_throughput() {
    let words = [
        "1994",
        "June",
        "22",
        ",",
        "Sept.",
        "12:30",
        "4,000",
        "Friday",
        "the",
        "last",
        "week",
        "2020-09-27",
        "27/09/2020",
        "May",
        "of",
        "years",
        "ago",
        "nearly",
        "two",
        "'90s",
        "a",
        "third",
        "quarter",
        "every",
        "day",
        "\n01:57\n",
    ];
    let mut text = String::with_capacity(1 << 20);
    let mut k = 7usize;
    while text.len() < 1 << 20 {
        k = (k * 31 + 17) % words.len();
        text.push_str(words[k]);
        text.push(' ');
    }
    let prose = "The minister said on Tuesday that 49 soldiers and 4,000 fighters had crossed \
                 the border, and talks would resume next week in Geneva. "
        .repeat(8_000);
    for (name, input) in [
        ("prose", prose),
        ("mixed", text.clone()),
        ("months", "June ".repeat(200_000)),
        ("digits", "1234567890".repeat(100_000)),
    ] {
        let start = std::time::Instant::now();
        let tokens = crate::text::tokenize(&input).len();
        let tokenizing = start.elapsed().as_secs_f64();
        println!(
            "{name}: shared tokenizer {tokens} tokens, {:.1} MB/s",
            input.len() as f64 / tokenizing / 1e6
        );
        let start = std::time::Instant::now();
        let found = extract(&input, dct()).len();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{name}: {} bytes, {found} dates, {:.1} MB/s",
            input.len(),
            input.len() as f64 / secs / 1e6
        );
    }
}

#[test]
fn analyst_shorthand() {
    check(
        "Revenue in Q3 2020 and in H1 fell.",
        &[("Q3 2020", "2020-Q3"), ("H1", "2013-H1")],
    );
}

#[test]
fn months_take_the_year_the_tense_points_to() {
    let nov = CalendarDate::new(2013, 11, 20);
    let value = |text: &str| {
        extract(text, nov)
            .into_iter()
            .map(|m| m.value.unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(value("The dividend is payable in January."), ["2014-01"]);
    assert_eq!(value("In January, the firm announced cuts."), ["2013-01"]);
    assert_eq!(value("The deal closed in March."), ["2013-03"]);
    // A fronted month takes the tense of its main clause, however far the verb.
    assert_eq!(
        value(
            "In January, shortly after the annual meeting of the club with its members in \
             Leeds, Yorks., a fire destroyed the hall."
        ),
        ["2013-01"]
    );
    assert_eq!(
        value("In January, the club vs. the league will be heard in court."),
        ["2014-01"]
    );
}

#[test]
fn a_month_of_a_relative_year_is_in_that_year() {
    check(
        "The loan runs until October of next year.",
        &[("October", "2014-10"), ("next year", "2014")],
    );
    check(
        "Sales fell in June of last year.",
        &[("June", "2012-06"), ("last year", "2012")],
    );
    check(
        "Sales fell in June last year.",
        &[("June last year", "2012-06")],
    );
}

#[test]
fn named_local_times_and_offsets() {
    check(
        "at 10:00 Moscow time",
        &[("10:00 Moscow time", "2013-03-22T10:00")],
    );
    check(
        "at 21:00 GMT+4 on Friday",
        &[
            ("21:00 GMT+4", "2013-03-22T21:00"),
            ("Friday", "2013-03-22"),
        ],
    );
}

#[test]
fn spelled_parts_of_day_after_a_clock_hour() {
    check(
        "He leaves at 4 in the morning.",
        &[("4 in the morning", "2013-03-22T04:00")],
    );
    check(
        "It ends at 9 in the evening.",
        &[("9 in the evening", "2013-03-22T21:00")],
    );
}

/// Throughput of the date layer over the text in the file named by
/// `CLAIMLENS_BENCH_TEXT`; run with `cargo test --release -p claimlens-core
/// bench_date_layer -- --ignored --nocapture`. It prints a figure and asserts nothing.
#[test]
#[ignore]
fn bench_date_layer() {
    let Some(text) = std::env::var_os("CLAIMLENS_BENCH_TEXT")
        .and_then(|path| std::fs::read_to_string(path).ok())
    else {
        return;
    };
    let dct = CalendarDate::new(2013, 3, 22);
    let mut found = extract(&text, dct).len();
    let rounds = 5;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        found += extract(&text, dct).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!("date layer: {:.1} MB/s ({found} dates)", mb / secs);
}

#[test]
fn idioms_that_begin_with_a_future_cue_do_not_look_ahead() {
    check(
        "A bomb exploded next to the embassy on Tuesday.",
        &[("Tuesday", "2013-03-19")],
    );
    check(
        "Flights stopped due to the storm on Monday.",
        &[("Monday", "2013-03-18")],
    );
}

#[test]
fn reported_plans_look_ahead() {
    check(
        "He said he would travel to Paris on Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
    check(
        "They could arrive as soon as Monday.",
        &[("Monday", "2013-03-25")],
    );
    // A possessive day is an event the story already knows.
    check(
        "Lawyers said they would appeal Wednesday's ruling.",
        &[("Wednesday", "2013-03-20")],
    );
}

#[test]
fn past_days_far_ahead_of_the_article_are_last_years() {
    check(
        "The index reached a record on Aug. 6.",
        &[("Aug. 6", "2012-08-06")],
    );
    check(
        "The deadline was extended to April 16.",
        &[("April 16", "2013-04-16")],
    );
    // Half a year ahead with no tense either way: news looks back.
    check(
        "The index is near its high set on Sept. 22.",
        &[("Sept. 22", "2012-09-22")],
    );
    check(
        "The index is near its high set on Aug. 22.",
        &[("Aug. 22", "2013-08-22")],
    );
}

#[test]
fn a_year_told_by_its_last_day_is_a_stretch() {
    check(
        "Revenue grew by a tenth over the fiscal year ended Jan. 31.",
        &[("the fiscal year", "P1Y"), ("Jan. 31", "2013-01-31")],
    );
    check("Net rose 5% this year.", &[("this year", "2013")]);
}

#[test]
fn a_past_verb_right_before_the_day_wins_over_earlier_cues() {
    check(
        "The firm will contest the ruling, issued Wednesday by the regulator.",
        &[("Wednesday", "2013-03-20")],
    );
    check(
        "He will comment on the deal, officials said on Tuesday.",
        &[("Tuesday", "2013-03-19")],
    );
    check(
        "The vote is expected Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
}

#[test]
fn a_past_form_in_a_clause_of_time_keeps_the_main_tense() {
    check(
        "Funds would flow into markets when they opened on Monday.",
        &[("Monday", "2013-03-25")],
    );
}

#[test]
fn company_years_and_quarters_of_a_written_year() {
    check(
        "Sales in the current fiscal year will rise.",
        &[("the current fiscal year", "2013")],
    );
    check(
        "It earned $5 million in the 2012 quarter.",
        &[("the 2012 quarter", "2012-Q4")],
    );
}

#[test]
fn fractions_of_clock_units_split_into_the_next_unit() {
    check(
        "A minute and a half later, the pilot called.",
        &[("A minute and a half", "PT1M30S")],
    );
    check("It took 5 1/2 hours.", &[("5 1/2 hours", "PT5H30M")]);
    check("Three days later, it fell.", &[("Three days", "P3D")]);
}

#[test]
fn arrangements_and_earliest_dates_look_ahead() {
    // Friday 2013-03-22: the coming Tuesday is the 26th, the last one the 19th.
    check(
        "He could fly home as early as Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
    check(
        "Talks are set to resume Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
    check(
        "The bank is to reopen Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
    check(
        "Police do not plan to act on Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
}

#[test]
fn a_past_perfect_after_the_day_looks_back() {
    check(
        "Until Tuesday, officials had not named him.",
        &[("Tuesday", "2013-03-19")],
    );
    check(
        "They will wait until Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
}

#[test]
fn a_plan_in_the_past_perfect_was_overtaken() {
    check(
        "The offer had been scheduled to expire Tuesday, but it was extended.",
        &[("Tuesday", "2013-03-19")],
    );
    check(
        "The offer is scheduled to expire Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
}

#[test]
fn a_plan_told_as_over_looks_back() {
    check(
        "A rally planned for Tuesday was cancelled by the police.",
        &[("Tuesday", "2013-03-19")],
    );
    check(
        "A rally planned for Tuesday was expected to draw crowds.",
        &[("Tuesday", "2013-03-26")],
    );
    check(
        "A rally is planned for Tuesday.",
        &[("Tuesday", "2013-03-26")],
    );
}

#[test]
fn a_day_counted_since_lies_behind() {
    // Without `since` a day more than half a year ahead would be this year's.
    check(
        "They have searched for him since the Sept. 27 shooting.",
        &[("Sept. 27", "2012-09-27")],
    );
}

#[test]
fn ranges_and_hedges_are_one_stretch() {
    check(
        "Shipments resume within two to three weeks.",
        &[("two to three weeks", "P2W")],
    );
    check(
        "Deals are due over the next 12 to 18 months.",
        &[("the next 12 to 18 months", "P12M")],
    );
    check(
        "Then, a week or so ago, he decided.",
        &[("a week or so ago", "2013-W11")],
    );
    check(
        "It will close over the next year or so.",
        &[("the next year or so", "2014")],
    );
    // Two amounts without a unit between them are no range.
    check("It rose from 10 to 12 percent.", &[]);
}

#[test]
fn a_day_told_by_its_neighbour_keeps_the_article() {
    check(
        "Prices fell from the previous Friday.",
        &[("the previous Friday", "2013-03-15")],
    );
}

#[test]
fn the_week_of_a_day_is_that_days_week() {
    check(
        "A hearing is set for the week of April 8.",
        &[("the week of April 8", "2013-W15")],
    );
}

#[test]
fn a_fronted_day_takes_the_tense_of_its_main_clause() {
    check(
        "On Tuesday, the league plans to screen the film.",
        &[("Tuesday", "2013-03-26")],
    );
    check(
        "On Tuesday, the league will screen the film.",
        &[("Tuesday", "2013-03-26")],
    );
    check(
        "On Tuesday, the league screened the film.",
        &[("Tuesday", "2013-03-19")],
    );
}

#[test]
fn corresponding_and_comparable_periods_are_comparison_points() {
    check(
        "Sales fell from the corresponding period last year.",
        &[("the corresponding period last year", "2012")],
    );
    check(
        "It made a loss in the comparable year-ago quarter.",
        &[("the comparable year-ago quarter", "2011-Q4")],
    );
}

#[test]
fn a_reported_quarter_a_year_back() {
    // Dated 2013-03-22: the latest reported quarter is 2012-Q4.
    check(
        "Sales for last year's quarter were flat.",
        &[("last year's quarter", "2011-Q4")],
    );
    check(
        "For the quarter a year ago, it earned $5.",
        &[("the quarter a year ago", "2011-Q4")],
    );
}

#[test]
fn the_next_morning_follows_the_story_day() {
    check(
        "He was arrested on March 10. He appeared in court the next morning.",
        &[
            ("March 10", "2013-03-10"),
            ("the next morning", "2013-03-11TMO"),
        ],
    );
}

#[test]
fn a_day_counted_from_another() {
    check(
        "The day before last Tuesday's hearing, he flew in.",
        &[("The day before last Tuesday", "2013-03-18")],
    );
    check(
        "Shops reopened the day after Christmas.",
        &[("the day after Christmas", "2012-12-26")],
    );
}

#[test]
fn a_named_days_week() {
    // Easter Sunday 2013 was March 31, the last day of ISO week 13.
    check(
        "Protesters prayed as Easter week began.",
        &[("Easter week", "2013-W13")],
    );
}

#[test]
fn a_future_cue_early_in_a_long_sentence_still_counts() {
    check(
        "She will be named commander of the new orbital station crew for a mission in December.",
        &[("December", "2013-12")],
    );
    // The cue lies 17 tokens before the day, past a place name with its commas.
    check(
        "The envoy is scheduled to spend only three hours on the ground in Nicosia, Cyprus, \
         her first stop Monday morning.",
        &[("three hours", "PT3H"), ("Monday morning", "2013-03-25TMO")],
    );
}
