import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `weave serve` (FlyingFox): the live site from memory, the reload channel,
/// and nothing else. Only addresses of the site's own files are answered; whatever else is
/// asked (`/../etc/passwd`, encoded or not) is a 404, since nothing outside the site is ever
/// read to answer a request.
public struct SiteServer: Sendable {
    /// The site served.
    public let site: LiveSite

    /// A server for `site`.
    public init(site: LiveSite) {
        self.site = site
    }

    /// Binds `host`:`port` and answers until the task is cancelled.
    public func run(host: String, port: UInt16, ready: @escaping @Sendable () -> Void) async throws {
        let address: SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled)
        await server.appendRoute(HTTPRoute("GET \(LiveScript.channel)"), to: .webSocket(ReloadChannel(site: site)))
        await server.appendRoute("GET /*", to: FileHandler(site: site))
        await server.appendRoute("HEAD /*", to: FileHandler(site: site))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                ready()
            }
            try await group.waitForAll()
        }
    }

    /// The first port from `start` on that `host` lets this process bind (nil when none of
    /// the next 50 is free).
    public static func freePort(host: String, from start: UInt16) -> UInt16? {
        for port in start..<(start &+ 50) where port >= start {
            if canBind(host: host, port: port) { return port }
        }
        return nil
    }

    private static func canBind(host: String, port: UInt16) -> Bool {
        guard let address: SocketAddress = host.contains(":")
            ? try? sockaddr_in6.inet6(ip6: host, port: port) : try? sockaddr_in.inet(ip4: host, port: port),
              let socket = try? Socket(domain: Int32(address.family)) else { return false }
        defer { try? socket.close() }
        do {
            try socket.bind(to: address)
            return true
        } catch {
            return false
        }
    }
}

/// Answers `GET` and `HEAD` with the live site's files; HTML pages get the reload script,
/// and while the last build failed every page is the error page.
struct FileHandler: HTTPHandler {
    let site: LiveSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let state = site.current
        guard let path = Self.sitePath(request.path) else { return notFound(state) }
        if path.hasSuffix(".html"), !state.errors.isEmpty {
            return response(.ok, "text/html; charset=utf-8", LiveScript.overlay(state.errors, generation: state.generation), request)
        }
        guard let bytes = state.files[path] else { return notFound(state) }
        let type = Self.contentType(path)
        let body = path.hasSuffix(".html") ? LiveScript.inject(into: bytes, generation: state.generation) : bytes
        return response(.ok, type, body, request)
    }

    private func notFound(_ state: LiveSite.State) -> HTTPResponse {
        let page = state.files["404.html"].map { LiveScript.inject(into: $0, generation: state.generation) }
            ?? Array("Not found\n".utf8)
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: Data(page))
    }

    private func response(_ status: HTTPStatusCode, _ type: String, _ body: [UInt8], _ request: HTTPRequest) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(body))
    }

    /// The site file an address names (`/` is `index.html`, `/a/` is `a/index.html`), or nil
    /// for anything that is not a plain path inside the site: `..` or `.` segments, empty
    /// segments, backslashes, control characters, percent signs left after decoding.
    static func sitePath(_ requested: String) -> String? {
        guard requested.hasPrefix("/") else { return nil }
        var path = String(requested.dropFirst())
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty || segment == "." || segment == ".." { return nil }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0 == "%" || $0.value == 0x7F }) { return nil }
        }
        return path
    }

    /// The media type of a site file, by its extension.
    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "xml": "application/xml"
        case "json": "application/json"
        case "md", "txt": "text/plain; charset=utf-8"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        case "ipynb": "application/x-ipynb+json"
        default: "application/octet-stream"
        }
    }
}

/// The reload channel: tells a page the current build when it connects, then each new one.
struct ReloadChannel: WSMessageHandler {
    let site: LiveSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let builds = site.listen()
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
        let forward = Task {
            for await build in builds { continuation.yield(.text(build)) }
            continuation.finish()
        }
        Task {
            // The page closing its end ends the channel.
            for await _ in client {}
            forward.cancel()
            continuation.finish()
        }
        return messages
    }
}
