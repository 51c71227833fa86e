/// One piece of an HTML page: an element, an attribute of the element it sits in, text, or a
/// group of nodes. Pages are built from these and rendered by `HTMLRenderer`, which escapes
/// every text and every attribute value in one place — a value from the database can never
/// close a tag or an attribute, whatever quotes or angle brackets it holds.
///
/// The vocabulary follows the Plot DSL the pages were first written in (`.div(.class("x"),
/// .text("…"))`), without Plot's attribute rendering, which wrote attribute values unescaped.
struct Node: Sendable {
    indirect enum Content: Sendable {
        case element(name: String, children: [Node], isVoid: Bool)
        case attribute(name: String, value: String)
        /// `required`, `checked`, `selected`…: written without a value when on, left out when off.
        case flag(name: String, isOn: Bool)
        case text(String)
        /// Markup written by this code base (never data): the inline SVG icons, for example.
        case trusted(String)
        case group([Node])
    }

    let content: Content

    init(_ content: Content) { self.content = content }

    static var empty: Node { Node(.group([])) }
}

// MARK: - Structure

extension Node {
    static func element(_ name: String, _ children: [Node]) -> Node {
        Node(.element(name: name, children: children, isVoid: false))
    }

    static func voidElement(_ name: String, _ children: [Node]) -> Node {
        Node(.element(name: name, children: children, isVoid: true))
    }

    /// Text, escaped when rendered.
    static func text(_ text: String) -> Node { Node(.text(text)) }

    /// Markup that this code base wrote itself. Never pass data from a request or the database.
    static func trustedMarkup(_ markup: String) -> Node { Node(.trusted(markup)) }

    static func group(_ nodes: Node...) -> Node { Node(.group(nodes)) }
    static func group(_ nodes: [Node]) -> Node { Node(.group(nodes)) }

    static func `if`(_ condition: Bool, _ node: Node, else otherwise: Node = .empty) -> Node {
        condition ? node : otherwise
    }

    static func unwrap<T>(_ value: T?, _ transform: (T) -> Node, else otherwise: Node = .empty) -> Node {
        value.map(transform) ?? otherwise
    }

    static func forEach<S: Sequence>(_ items: S, _ transform: (S.Element) -> Node) -> Node {
        Node(.group(items.map(transform)))
    }
}

// MARK: - Attributes

extension Node {
    /// Any attribute; the value is escaped when rendered. Empty values are left out.
    static func attribute(named name: String, value: String?) -> Node {
        guard let value, !value.isEmpty else { return .empty }
        return Node(.attribute(name: name, value: value))
    }

    static func flag(_ name: String, _ isOn: Bool) -> Node { Node(.flag(name: name, isOn: isOn)) }

    static func `class`(_ value: String) -> Node { attribute(named: "class", value: value) }
    static func id(_ value: String) -> Node { attribute(named: "id", value: value) }
    static func href(_ value: String) -> Node { attribute(named: "href", value: value) }
    static func action(_ value: String) -> Node { attribute(named: "action", value: value) }
    static func name(_ value: String) -> Node { attribute(named: "name", value: value) }
    /// Rendered even when empty: an `<option>` without a value would send its label.
    static func value(_ value: String) -> Node { Node(.attribute(name: "value", value: value)) }
    static func content(_ value: String) -> Node { attribute(named: "content", value: value) }
    static func `for`(_ value: String) -> Node { attribute(named: "for", value: value) }
    static func ariaLabel(_ value: String) -> Node { attribute(named: "aria-label", value: value) }
    static func placeholder(_ value: String) -> Node { attribute(named: "placeholder", value: value) }
    static func required(_ isOn: Bool) -> Node { flag("required", isOn) }
    static func checked(_ isOn: Bool) -> Node { flag("checked", isOn) }
    static func selected(_ isOn: Bool) -> Node { flag("selected", isOn) }
    static func method(_ method: FormMethod) -> Node { attribute(named: "method", value: method.rawValue) }
    static func type(_ type: InputType) -> Node { attribute(named: "type", value: type.rawValue) }
    static func enctype(_ value: String) -> Node { attribute(named: "enctype", value: value) }
    static func rel(_ value: String) -> Node { attribute(named: "rel", value: value) }
}

enum FormMethod: String, Sendable { case get, post }

enum InputType: String, Sendable {
    case text, hidden, password, checkbox, radio, submit, button, date, time, number, email, tel, search, file, url
}

// MARK: - Elements

extension Node {
    static func head(_ nodes: Node...) -> Node { element("head", nodes) }
    static func body(_ nodes: Node...) -> Node { element("body", nodes) }
    static func title(_ text: String) -> Node { element("title", [.text(text)]) }
    static func meta(_ nodes: Node...) -> Node { voidElement("meta", nodes) }
    static func link(_ nodes: Node...) -> Node { voidElement("link", nodes) }
    static func stylesheet(_ href: String) -> Node { link(.rel("stylesheet"), .href(href)) }
    /// A deferred script file: pages work without it.
    static func script(_ src: String) -> Node { element("script", [.attribute(named: "src", value: src), .flag("defer", true)]) }

    static func header(_ nodes: Node...) -> Node { element("header", nodes) }
    static func footer(_ nodes: Node...) -> Node { element("footer", nodes) }
    static func main(_ nodes: Node...) -> Node { element("main", nodes) }
    static func nav(_ nodes: Node...) -> Node { element("nav", nodes) }
    static func section(_ nodes: Node...) -> Node { element("section", nodes) }
    static func div(_ nodes: Node...) -> Node { element("div", nodes) }
    static func span(_ nodes: Node...) -> Node { element("span", nodes) }
    static func p(_ nodes: Node...) -> Node { element("p", nodes) }
    static func h1(_ nodes: Node...) -> Node { element("h1", nodes) }
    static func h2(_ nodes: Node...) -> Node { element("h2", nodes) }
    static func h3(_ nodes: Node...) -> Node { element("h3", nodes) }
    static func a(_ nodes: Node...) -> Node { element("a", nodes) }
    static func strong(_ nodes: Node...) -> Node { element("strong", nodes) }
    static func em(_ nodes: Node...) -> Node { element("em", nodes) }
    static func small(_ nodes: Node...) -> Node { element("small", nodes) }
    static func code(_ nodes: Node...) -> Node { element("code", nodes) }
    static func br() -> Node { voidElement("br", []) }

    static func ul(_ nodes: Node...) -> Node { element("ul", nodes) }
    static func ol(_ nodes: Node...) -> Node { element("ol", nodes) }
    static func li(_ nodes: Node...) -> Node { element("li", nodes) }
    static func dl(_ nodes: Node...) -> Node { element("dl", nodes) }
    static func dt(_ nodes: Node...) -> Node { element("dt", nodes) }
    static func dd(_ nodes: Node...) -> Node { element("dd", nodes) }

    static func table(_ nodes: Node...) -> Node { element("table", nodes) }
    static func thead(_ nodes: Node...) -> Node { element("thead", nodes) }
    static func tbody(_ nodes: Node...) -> Node { element("tbody", nodes) }
    static func tr(_ nodes: Node...) -> Node { element("tr", nodes) }
    static func th(_ nodes: Node...) -> Node { element("th", nodes) }
    static func td(_ nodes: Node...) -> Node { element("td", nodes) }

    static func details(_ nodes: Node...) -> Node { element("details", nodes) }
    static func summary(_ nodes: Node...) -> Node { element("summary", nodes) }
    static func progress(_ nodes: Node...) -> Node { element("progress", nodes) }

    static func form(_ nodes: Node...) -> Node { element("form", nodes) }
    static func fieldset(_ nodes: Node...) -> Node { element("fieldset", nodes) }
    static func legend(_ nodes: Node...) -> Node { element("legend", nodes) }
    static func label(_ nodes: Node...) -> Node { element("label", nodes) }
    static func input(_ nodes: Node...) -> Node { voidElement("input", nodes) }
    static func button(_ nodes: Node...) -> Node { element("button", nodes) }
    static func textarea(_ nodes: Node...) -> Node { element("textarea", nodes) }
    static func select(_ nodes: Node...) -> Node { element("select", nodes) }
    static func option(_ nodes: Node...) -> Node { element("option", nodes) }
    static func datalist(_ nodes: Node...) -> Node { element("datalist", nodes) }

    /// A `<select>` with its options; `selected` names the chosen value.
    static func select(_ attributes: Node..., options: [(value: String, label: String)], selected: String?) -> Node {
        element(
            "select",
            attributes
                + options.map { option in
                    .option(.value(option.value), .selected(option.value == selected), .text(option.label))
                })
    }
}

/// A whole page: `<!DOCTYPE html>` and the `<html>` element.
struct HTML: Sendable {
    let root: Node

    init(_ nodes: Node...) { root = .element("html", nodes) }

    func render() -> String { "<!DOCTYPE html>" + HTMLRenderer.render(root) }
}
