import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids
    /// made later sort after ids made earlier, so a table keyed by them grows at its end
    /// instead of at random pages: a million-row import writes the primary-key index and the
    /// audit log's entity index as appends. Uniqueness is that of 74 random bits per
    /// millisecond; the order of ids within one millisecond is random.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return timeOrdered(at: date, using: &generator)
    }

    public static func timeOrdered(at date: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down))) & 0xFFFF_FFFF_FFFF
        let high: UInt64 = generator.next()
        let low: UInt64 = generator.next()
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(
            uuid: (
                byte(milliseconds, 40), byte(milliseconds, 32), byte(milliseconds, 24), byte(milliseconds, 16),
                byte(milliseconds, 8), byte(milliseconds, 0),
                0x70 | (byte(high, 0) & 0x0F), byte(high, 8),
                0x80 | (byte(low, 0) & 0x3F), byte(low, 8), byte(low, 16), byte(low, 24), byte(low, 32), byte(low, 40),
                byte(low, 48), byte(low, 56)
            ))
    }
}
