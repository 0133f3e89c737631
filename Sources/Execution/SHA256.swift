import COpenSSL

/// SHA-256 through OpenSSL's libcrypto (the EVP interface): content keys and checksums of
/// the execution cache. Feed bytes with `update`, read the digest with `hexDigest()`.
public struct SHA256: ~Copyable {
    private let context: OpaquePointer?

    /// A fresh digest.
    public init() {
        context = EVP_MD_CTX_new()
        if let context { EVP_DigestInit_ex(context, EVP_sha256(), nil) }
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds `bytes` to the digest.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        guard let context else { return }
        let done: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) == 1
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buffer in _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) }
        }
    }

    /// Adds the UTF-8 bytes of `text`.
    public mutating func update(_ text: String) {
        update(Array(text.utf8))
    }

    /// The digest as 64 lowercase hexadecimal digits; the digest is spent afterwards.
    public consuming func hexDigest() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        if let context { EVP_DigestFinal_ex(context, &digest, &length) }
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(Int(length) * 2)
        for byte in digest.prefix(Int(length)) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The SHA-256 of `bytes` as hexadecimal.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var digest = SHA256()
        digest.update(bytes)
        return digest.hexDigest()
    }
}
