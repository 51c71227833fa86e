import Plot

/// Small building blocks for forms, so that every form looks and behaves the same.
enum Forms {
    static func csrf(_ context: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("_csrf"), .value(context.csrf))
    }

    /// A labelled text-like input with an optional hint.
    static func field(_ label: String, name: String, type: HTMLInputType = .text, value: String = "", hint: String? = nil,
                      required: Bool = false, autocomplete: String? = nil) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for(name), .text(label)),
            .input(.type(type), .name(name), .id(name), .value(value), .required(required),
                   .attribute(named: "autocomplete", value: autocomplete ?? "")),
            .unwrap(hint) { .p(.class("field-hint"), .text($0)) }
        )
    }

    static func select(_ label: String, name: String, options: [(value: String, label: String)], selected: String?)
        -> Node<HTML.FormContext>
    {
        .div(
            .class("field"),
            .label(.for(name), .text(label)),
            // Plot writes <option> as a self-closed element; a select needs real option text.
            .raw("<select name=\"\(escape(name))\" id=\"\(escape(name))\">" + options.map { option in
                "<option value=\"\(escape(option.value))\"\(option.value == selected ? " selected" : "")>\(escape(option.label))</option>"
            }.joined() + "</select>")
        )
    }

    static func checkbox(_ label: String, name: String, checked: Bool) -> Node<HTML.FormContext> {
        .div(.class("field check"),
             .input(.type(.checkbox), .name(name), .id(name), .value("1"), .checked(checked)),
             .label(.for(name), .text(label)))
    }

    /// Text for inside HTML attributes and elements.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func submit(_ label: String) -> Node<HTML.FormContext> {
        .button(.type(.submit), .class("button"), .text(label))
    }

    /// Problems with what was sent, listed above the form.
    static func errors(_ messages: [String], heading: String) -> Node<HTML.BodyContext> {
        .if(!messages.isEmpty,
            .div(.class("alert error"), .attribute(named: "role", value: "alert"),
                 .p(.strong(.text(heading))),
                 .ul(.forEach(messages) { .li(.text($0)) })))
    }

    static func notice(_ message: String?) -> Node<HTML.BodyContext> {
        .unwrap(message) { .div(.class("alert ok"), .attribute(named: "role", value: "status"), .p(.text($0))) }
    }
}
