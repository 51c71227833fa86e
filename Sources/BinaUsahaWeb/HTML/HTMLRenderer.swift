/// Writes nodes as HTML. The only place that turns text into markup: text and attribute
/// values are escaped completely (`&`, `<`, `>`, `"`, `'`), so data cannot end an element
/// or an attribute, and `&lt;` typed by a person is shown as `&lt;`, not as `<`.
enum HTMLRenderer {
    static func render(_ node: Node) -> String {
        var out = ""
        out.reserveCapacity(16_384)
        write(node, into: &out)
        return out
    }

    private static func write(_ node: Node, into out: inout String) {
        switch node.content {
        case let .element(name, children, isVoid):
            writeElement(name, children, isVoid: isVoid, into: &out)
        case let .text(text):
            escape(text, into: &out)
        case let .trusted(markup):
            out += markup
        case let .group(nodes):
            for child in nodes { write(child, into: &out) }
        case .attribute, .flag:
            // An attribute outside an element has nothing to attach to.
            break
        }
    }

    private static func writeElement(_ name: String, _ children: [Node], isVoid: Bool, into out: inout String) {
        var attributes: [(name: String, value: String?)] = []
        var content: [Node] = []
        collect(children, attributes: &attributes, content: &content)
        out += "<" + name
        for attribute in attributes {
            out += " " + attribute.name
            if let value = attribute.value {
                out += "=\""
                escape(value, into: &out)
                out += "\""
            }
        }
        out += ">"
        guard !isVoid else { return }
        for child in content { write(child, into: &out) }
        out += "</" + name + ">"
    }

    /// Splits an element's children into its attributes (groups looked into; `class` values
    /// joined, other repeated attributes replaced by the last) and its content.
    private static func collect(_ nodes: [Node], attributes: inout [(name: String, value: String?)], content: inout [Node]) {
        for node in nodes {
            switch node.content {
            case let .attribute(name, value):
                if let index = attributes.firstIndex(where: { $0.name == name }) {
                    if name == "class", let existing = attributes[index].value {
                        attributes[index].value = existing + " " + value
                    } else {
                        attributes[index].value = value
                    }
                } else {
                    attributes.append((name, value))
                }
            case let .flag(name, isOn):
                attributes.removeAll { $0.name == name }
                if isOn { attributes.append((name, nil)) }
            case let .group(inner):
                collect(inner, attributes: &attributes, content: &content)
            case .element, .text, .trusted:
                content.append(node)
            }
        }
    }

    static func escape(_ text: String, into out: inout String) {
        // Fast path: most text needs no escaping.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }
}
