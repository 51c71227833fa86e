extension Home {
    struct View {
        let model: Model
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.homeTitle), section: .home).document(
                .group(
                    .h1(.text(t(.appName))),
                    .p(.class("lead"), .text(t(.homeIntro))),
                    .p(.class("today"), .text("\(t(.homeToday)): \(model.today)")),
                    .unwrap(model.workRegion) { region in
                        .p(.class("work-region"), .text(t(.homeWorkRegion) + " "), .a(.href(region.href), .text(region.name)))
                    },
                    .section(
                        .h2(.text(t(.homeRegionsHeading))),
                        .ul(
                            .class("stats"),
                            .forEach(model.regionCounts) { entry in
                                .li(.strong(.text(entry.count.formattedID)), .span(.text(t.level(entry.level))))
                            }),
                        .if(
                            model.showImportHint,
                            .p(.class("hint"), Forms.sentence(t.template(.homeImportHint), code: "binausaha regions import districts_16.csv"))),
                        .p(.a(.class("button"), .href(Site.regions), .text(t(.homeBrowseRegions))))
                    ),
                    .section(
                        .h2(.text(t(.homeModulesHeading))),
                        .ul(
                            .class("modules"),
                            .forEach(NavSection.visible(to: context.principal).filter { $0 != .home }) { item in
                                .li(moduleEntry(item))
                            })
                    )
                )
            )
        }

        private func moduleEntry(_ item: NavSection) -> Node {
            .a(.href(item.path), .text(t(item.label)))
        }
    }
}

extension Int {
    /// `3.259` — thousands grouped with dots, as Indonesian writes numbers.
    var formattedID: String {
        let digits = String(magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}
