/// Small building blocks for forms, so that every form looks and behaves the same.
enum Forms {
    static func csrf(_ context: PageContext) -> Node {
        .input(.type(.hidden), .name("_csrf"), .value(context.csrf))
    }

    /// A labelled text-like input with an optional hint.
    /// A labelled input. `inputMode: "numeric"` opens the phone's number pad; an `error` is shown
    /// under the input, tied to it for screen readers, and the typed value stays.
    static func field(
        _ label: String, name: String, type: InputType = .text, value: String = "", hint: String? = nil,
        required: Bool = false, autocomplete: String? = nil, inputMode: String? = nil, maxLength: Int? = nil,
        error: String? = nil
    ) -> Node {
        .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(.for(name), .text(label)),
            .input(
                .type(type), .name(name), .id(name), .value(value), .required(required),
                .attribute(named: "autocomplete", value: autocomplete ?? ""), .attribute(named: "inputmode", value: inputMode),
                .attribute(named: "maxlength", value: maxLength.map(String.init)),
                .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: error == nil ? nil : name + "-error")),
            .unwrap(error) { .p(.class("field-error"), .id(name + "-error"), .text($0)) },
            .unwrap(hint) { .p(.class("field-hint"), .text($0)) }
        )
    }

    static func select(_ label: String, name: String, options: [(value: String, label: String)], selected: String?) -> Node {
        .div(
            .class("field"),
            .label(.for(name), .text(label)),
            .select(.name(name), .id(name), options: options, selected: selected)
        )
    }

    static func checkbox(_ label: String, name: String, checked: Bool) -> Node {
        .div(
            .class("field check"),
            .input(.type(.checkbox), .name(name), .id(name), .value("1"), .checked(checked)),
            .label(.for(name), .text(label)))
    }

    /// A sentence with one command or code in it: `{0}` in `template` becomes `<code>code</code>`.
    static func sentence(_ template: String, code: String) -> Node {
        let parts = template.components(separatedBy: "{0}")
        guard parts.count == 2 else { return .text(template) }
        return .group(.text(parts[0]), .code(.text(code)), .text(parts[1]))
    }

    static func submit(_ label: String) -> Node {
        .button(.type(.submit), .class("button"), .text(label))
    }

    /// Problems with what was sent, listed above the form.
    static func errors(_ messages: [String], heading: String) -> Node {
        .if(
            !messages.isEmpty,
            .div(
                .class("alert error"), .attribute(named: "role", value: "alert"),
                .p(.strong(.text(heading))),
                .ul(.forEach(messages) { .li(.text($0)) })))
    }

    static func notice(_ message: String?) -> Node {
        .unwrap(message) { .div(.class("alert ok"), .attribute(named: "role", value: "status"), .p(.text($0))) }
    }
}
