import NIOCore
import Vapor

/// JSON text written straight into the response buffer, for the API's list pages. Foundation's
/// `JSONEncoder` builds a container per value by reflection and was 15 % of a 50-row page
/// (docs/PERFORMANCE.md). The writer has no shape of its own: each response type writes its
/// keys, and `JSONWriterTests` holds every such type to what `JSONEncoder` produces for it
/// (decoded back: equal values, the same keys, `nil` left out).
struct JSONWriter {
    private(set) var buffer: ByteBuffer
    /// Per open object or array: whether the next member needs a comma before it. Every value
    /// writer (and `key`) asks `separate()` first, so arrays and objects nest without care.
    private var needsComma: [Bool] = [false]

    init(capacity: Int = 4096) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: some Sequence<Element>, _ write: (inout JSONWriter, Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements { write(&self, element) }
        close(UInt8(ascii: "]"))
    }

    /// `"key":` inside an object; the value's writer follows.
    mutating func key(_ key: StaticString) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(key)
        buffer.writeStaticString("\":")
        needsComma[needsComma.count - 1] = false
    }

    mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        number(value)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        separate()
        buffer.writeStaticString(value ? "true" : "false")
    }

    /// Left out when `nil`, as `JSONEncoder` does for a synthesized `Encodable`.
    mutating func field(_ key: StaticString, _ value: String?) {
        if let value { field(key, value) }
    }

    mutating func field(_ key: StaticString, _ value: Int?) {
        if let value { field(key, value) }
    }

    mutating func field(_ key: StaticString, _ values: [String]) {
        self.key(key)
        array(values) { $0.string($1) }
    }

    /// Left out when `nil`.
    mutating func field(_ key: StaticString, _ values: [String]?) {
        if let values { field(key, values) }
    }

    mutating func field(_ key: StaticString, _ values: [Int]) {
        self.key(key)
        array(values) { $0.number($1) }
    }

    mutating func string(_ value: String) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<i]))
                writeEscaped(byte)
                start = i + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Int) {
        separate()
        buffer.writeString(String(value))
    }

    /// The response: status 200 unless told, `application/json; charset=utf-8`.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(buffer: buffer))
    }

    // MARK: - Private

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { buffer.writeInteger(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        buffer.writeInteger(bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        needsComma.removeLast()
        buffer.writeInteger(bracket)
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
        case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
        case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
        case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
        case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
        default:
            buffer.writeStaticString(byte < 0x10 ? "\\u000" : "\\u001")
            let digit = byte & 0x0f
            buffer.writeInteger(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}

extension API.BeneficiaryResponse {
    /// The same keys and values as its `Encodable` form (`GET /api/v1/beneficiaries/{id}`).
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id.uuidString)
            json.field("nik", nik)
            json.field("no_kk", no_kk)
            json.field("nama", nama)
            json.field("jenis_kelamin", jenis_kelamin)
            json.field("tempat_lahir", tempat_lahir)
            json.field("tanggal_lahir", tanggal_lahir)
            json.field("kode_desa", kode_desa)
            json.field("alamat", alamat)
            json.field("rt", rt)
            json.field("rw", rw)
            json.field("telepon", telepon)
            json.field("kategori_ppks", kategori_ppks)
            json.field("desil", desil)
            json.field("kepala_keluarga", kepala_keluarga)
            json.field("disabilitas", disabilitas)
            json.field("minat", minat)
            json.field("keahlian", keahlian)
            json.field("kendala_kesehatan", kendala_kesehatan)
            json.field("bantuan_sebelumnya", bantuan_sebelumnya)
            json.field("status", status)
            json.field("catatan", catatan)
            json.field("peringatan", peringatan)
            json.field("version", version)
            json.field("masked", masked)
        }
    }
}

extension API.BeneficiaryListResponse {
    func response() -> Response {
        var json = JSONWriter(capacity: 1024 + items.count * 640)
        json.object { json in
            json.field("total", total)
            json.field("page", page)
            json.key("items")
            json.array(items) { json, item in item.write(to: &json) }
        }
        return json.response()
    }
}
