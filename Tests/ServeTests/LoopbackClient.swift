import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP and WebSocket client over loopback, enough to drive `weave serve` as a browser
/// does: raw requests (so paths are sent exactly as written) and the reload channel's messages.
final class LoopbackClient {
    let port: UInt16
    let address: String

    init(port: UInt16, address: String = "127.0.0.1") {
        self.port = port
        self.address = address
    }

    /// A connected socket, or nil when the connection is refused.
    func connect() -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = port.bigEndian
        inet_pton(AF_INET, address, &target.sin_addr)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// `GET path` sent as written: the status and the body.
    func get(_ path: String) -> (status: Int, body: String)? {
        guard let descriptor = connect() else { return nil }
        defer { close(descriptor) }
        send(descriptor, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += buffer.prefix(count)
            if let text = Self.complete(response) { return text }
        }
        return Self.complete(response) ?? Self.parse(response)
    }

    private static func complete(_ bytes: [UInt8]) -> (status: Int, body: String)? {
        guard let parsed = parse(bytes) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n"),
              let lengthLine = text[..<headerEnd.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        return parsed.body.utf8.count >= length ? parsed : nil
    }

    private static func parse(_ bytes: [UInt8]) -> (status: Int, body: String)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return nil }
        let statusLine = text[..<headerEnd.lowerBound].split(separator: "\r\n").first ?? ""
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        return (status, String(text[headerEnd.upperBound...]))
    }

    private func send(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Opens the reload channel; nil when the handshake fails.
    func openChannel(_ path: String = "/__weave/live") -> Channel? {
        guard let descriptor = connect() else { return nil }
        send(descriptor, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        var header: [UInt8] = []
        var byte: UInt8 = 0
        while !header.suffix(4).elementsEqual([13, 10, 13, 10]) {
            guard recv(descriptor, &byte, 1, 0) == 1 else { close(descriptor); return nil }
            header.append(byte)
        }
        guard String(decoding: header, as: UTF8.self).hasPrefix("HTTP/1.1 101") else { close(descriptor); return nil }
        return Channel(descriptor: descriptor)
    }

    /// The server's side of a WebSocket: text messages in order.
    final class Channel {
        let descriptor: Int32

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        deinit {
            close(descriptor)
        }

        /// The next text message (frames from a server are not masked), nil on timeout or close.
        func next() -> String? {
            guard let head = read(2) else { return nil }
            var length = Int(head[1] & 0x7F)
            if length == 126, let more = read(2) { length = Int(more[0]) << 8 | Int(more[1]) }
            if length == 127, let more = read(8) { length = more.reduce(0) { $0 << 8 | Int($1) } }
            guard let payload = read(length) else { return nil }
            if head[0] & 0x0F == 0x8 { return nil }
            return String(decoding: payload, as: UTF8.self)
        }

        private func read(_ count: Int) -> [UInt8]? {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: max(count, 1))
            while bytes.count < count {
                let got = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, count - bytes.count, 0) }
                if got <= 0 { return nil }
                bytes += buffer.prefix(got)
            }
            return bytes
        }
    }
}
