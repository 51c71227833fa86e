import Foundation

/// Bytes of an imported file, read in chunks so that memory does not grow with the file.
public protocol ByteSource: Sendable {
    /// The next chunk, or `nil` at the end.
    mutating func next() async throws -> [UInt8]?
}

/// A file on disk, read 1 MiB at a time.
public struct FileByteSource: ByteSource {
    let handle: FileHandle
    public static let chunkSize = 1 << 20

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportFileError.unreadable(path) }
        self.handle = handle
    }

    public mutating func next() async throws -> [UInt8]? {
        let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
        if data.isEmpty {
            try? handle.close()
            return nil
        }
        return [UInt8](data)
    }
}

/// Bytes already in memory (an API request body, a test).
public struct MemoryByteSource: ByteSource {
    let bytes: [UInt8]
    var offset = 0
    let chunkSize: Int

    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 20) {
        self.bytes = bytes
        self.chunkSize = chunkSize
    }

    public mutating func next() async throws -> [UInt8]? {
        guard offset < bytes.count else { return nil }
        let end = min(offset + chunkSize, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}

/// Problems with the file as a whole; nothing is imported.
public enum ImportFileError: Error, Equatable, Sendable, LocalizedMessage {
    case unreadable(String)
    case empty
    case notUTF8(line: Int)
    case missingColumns([String])
    /// A header and nothing else.
    case noRows

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.unreadable(path), .id): "berkas tidak dapat dibaca: \(path)"
        case let (.unreadable(path), .en): "cannot read the file: \(path)"
        case (.empty, .id): "berkas kosong"
        case (.empty, .en): "the file is empty"
        case let (.notUTF8(line), .id):
            "berkas bukan teks UTF-8 (pertama kali di baris \(line)). Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisahkan koma)\", lalu unggah lagi. Tidak ada data yang diimpor."
        case let (.notUTF8(line), .en):
            "the file is not UTF-8 text (first at line \(line)). In Excel choose Save As → \"CSV UTF-8 (comma delimited)\" and upload again. Nothing was imported."
        case let (.missingColumns(columns), .id): "kolom wajib tidak ada di baris judul: \(columns.joined(separator: ", "))"
        case let (.missingColumns(columns), .en): "required columns missing from the header: \(columns.joined(separator: ", "))"
        case (.noRows, .id): "berkas hanya berisi baris judul, tanpa baris data. Tidak ada data yang diimpor."
        case (.noRows, .en): "the file holds a header line and no data rows. Nothing was imported."
        }
    }
}
