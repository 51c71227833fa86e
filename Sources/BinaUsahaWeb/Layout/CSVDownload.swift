import BinaUsahaDomain
import Vapor

/// A table as a CSV download that spreadsheets open correctly (byte-order mark, quoted cells).
enum CSVDownload {
    static func response(name: String, header: [String], rows: [[String]]) -> Response {
        var csv = CSVText.byteOrderMark + CSVText.spreadsheetLine(header)
        for row in rows { csv += CSVText.spreadsheetLine(row) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: name)
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}
