#include "http/server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "base/ids.h"
#include "base/log.h"

namespace fw::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;
constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);

// One accepted connection. The session coroutine owns it; Stop() may cancel it while idle.
struct Connection {
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  std::atomic<bool> busy{false};
};

Request HeadFrom(const bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& msg = parser.get();
  Request r;
  r.method = std::string(msg.method_string());
  r.target = std::string(msg.target());
  size_t q = r.target.find('?');
  r.path = r.target.substr(0, q);
  if (q != std::string::npos) r.query = r.target.substr(q + 1);
  for (const auto& field : msg) {
    r.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  return r;
}

bool IsMalformedRequest(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
         ec != bhttp::error::need_more;
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, Handler& handler)
      : options_(std::move(options)),
        handler_(handler),
        ioc_(options_.io_threads),
        workers_(static_cast<size_t>(options_.worker_threads)),
        acceptor_(ioc_) {}

  ~Impl() { Stop(); }

  Status Start() {
    beast::error_code ec;
    auto address = asio::ip::make_address(options_.host, ec);
    if (ec) return InvalidArgument("invalid listen host '" + options_.host + "'");
    tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return Unavailable("cannot listen on " + options_.host + ":" +
                         std::to_string(options_.port) + ": " + ec.message());
    }
    host_ = options_.host;
    port_ = acceptor_.local_endpoint().port();
    asio::co_spawn(ioc_, Accept(), asio::detached);
    for (int i = 0; i < options_.io_threads; ++i) {
      threads_.emplace_back([this] { ioc_.run(); });
    }
    started_ = true;
    return Status::Ok();
  }

  void Stop() {
    std::unique_lock<std::mutex> lock(mu_);
    if (stopped_ || stopping_.exchange(true)) {
      stop_cv_.wait(lock, [&] { return stopped_; });
      return;
    }
    if (started_) {
      asio::post(ioc_, [this] {
        beast::error_code ec;
        acceptor_.close(ec);
      });
      for (const auto& conn : conns_) {
        if (!conn->busy) Cancel(conn);
      }
      // In-flight requests finish; each closes its connection when done.
      if (!conn_cv_.wait_for(lock, options_.shutdown_grace, [&] { return conns_.empty(); })) {
        for (const auto& conn : conns_) Cancel(conn);
        conn_cv_.wait_for(lock, std::chrono::seconds(2), [&] { return conns_.empty(); });
      }
      lock.unlock();
      ioc_.stop();
      for (auto& t : threads_) t.join();
      workers_.join();
      lock.lock();
    }
    stopped_ = true;
    stop_cv_.notify_all();
  }

  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    stop_cv_.wait(lock, [&] { return stopped_; });
  }

  const std::string& host() const { return host_; }
  uint16_t port() const { return port_; }

 private:
  static void Cancel(const std::shared_ptr<Connection>& conn) {
    asio::post(conn->stream.get_executor(), [conn] {
      beast::error_code ec;
      conn->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
      conn->stream.socket().close(ec);
    });
  }

  asio::awaitable<void> Accept() {
    while (true) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kAsTuple);
      if (ec) {
        if (!acceptor_.is_open() || stopping_) co_return;
        continue;  // e.g. EMFILE: keep serving the connections we have
      }
      auto conn = std::make_shared<Connection>(std::move(socket));
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stopping_) continue;
        conns_.insert(conn);
      }
      asio::co_spawn(conn->stream.get_executor(), Session(conn), asio::detached);
    }
  }

  asio::awaitable<void> Session(std::shared_ptr<Connection> conn) {
    beast::tcp_stream& stream = conn->stream;
    beast::flat_buffer buffer;
    std::string remote;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string() + ":" + std::to_string(ep.port());
    }
    bool first = true;
    while (!stopping_) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
      // The real limit depends on the route, known only after the header: set it then.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(first ? options_.read_timeout : options_.idle_timeout);
      first = false;
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kAsTuple);
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          Request head;
          head.request_id = NewHexId32();
          co_await Write(stream, head,
                         handler_.Reject(head, Status(ErrorCode::kPayloadTooLarge,
                                                      "request header too large")),
                         false, std::chrono::steady_clock::now());
        } else if (IsMalformedRequest(ec)) {
          Request head;
          head.request_id = NewHexId32();
          co_await Write(stream, head,
                         handler_.Reject(head, InvalidArgument("malformed HTTP request")), false,
                         std::chrono::steady_clock::now());
        }
        break;
      }
      conn->busy = true;
      auto start = std::chrono::steady_clock::now();
      Request req = HeadFrom(parser);
      req.request_id = NewHexId32();
      req.remote = remote;
      const size_t limit = handler_.MaxBodyBytes(req);
      auto declared = parser.content_length();
      if (declared && *declared > limit) {
        co_await Write(stream, req,
                       handler_.Reject(req, Status(ErrorCode::kPayloadTooLarge,
                                                   "request body is larger than " +
                                                       std::to_string(limit) + " bytes")),
                       false, start);
        break;
      }
      parser.body_limit(limit);
      if (!parser.is_done()) {
        auto expect = parser.get()[bhttp::field::expect];
        if (beast::iequals(expect, "100-continue")) {
          bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
          auto [wec, wn] = co_await bhttp::async_write(stream, cont, kAsTuple);
          if (wec) break;
        }
        stream.expires_after(options_.read_timeout);
        auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
        if (bec) {
          if (bec == bhttp::error::body_limit) {
            co_await Write(stream, req,
                           handler_.Reject(req, Status(ErrorCode::kPayloadTooLarge,
                                                       "request body is larger than " +
                                                           std::to_string(limit) + " bytes")),
                           false, start);
          } else if (IsMalformedRequest(bec)) {
            co_await Write(stream, req,
                           handler_.Reject(req, InvalidArgument("malformed HTTP request body")),
                           false, start);
          }
          break;
        }
      }
      req.body = std::move(parser.get().body());
      const bool client_keep_alive = parser.get().keep_alive();
      // (No co_await inside a conditional expression: GCC 12 miscompiles that.)
      std::optional<Response> fast = TryInline(req);
      Response resp;
      if (fast) {
        resp = std::move(*fast);
      } else {
        resp = co_await asio::co_spawn(
            workers_, [this, &req]() -> asio::awaitable<Response> { co_return SafeHandle(req); },
            use_awaitable);
      }
      const bool keep_alive = client_keep_alive && !stopping_;
      bool written = co_await Write(stream, req, std::move(resp), keep_alive, start);
      conn->busy = false;
      if (!written || !keep_alive) break;
    }
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
    {
      std::lock_guard<std::mutex> lock(mu_);
      conns_.erase(conn);
    }
    conn_cv_.notify_all();
  }

  std::optional<Response> TryInline(Request& req) {
    try {
      return handler_.TryHandleInline(req);
    } catch (...) {
      return std::nullopt;  // the blocking path will produce the real answer or error
    }
  }

  Response SafeHandle(Request& req) {
    try {
      return handler_.Handle(req);
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "handler threw", {{"request_id", req.request_id}, {"what", e.what()}});
    } catch (...) {
      Log(LogLevel::kError, "handler threw", {{"request_id", req.request_id}});
    }
    return handler_.Reject(req, Internal("internal error"));
  }

  asio::awaitable<bool> Write(beast::tcp_stream& stream, const Request& req, Response resp,
                              bool keep_alive, std::chrono::steady_clock::time_point start) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(resp.status), 11};
    for (auto& [name, value] : resp.headers) res.insert(name, value);
    if (resp.Header("Content-Type") == nullptr) {
      res.set(bhttp::field::content_type, "application/json");
    }
    res.set("X-Request-Id", req.request_id);
    res.keep_alive(keep_alive);
    const size_t body_size = resp.body.size();
    if (req.method != "HEAD") res.body() = std::move(resp.body);
    res.prepare_payload();
    stream.expires_after(options_.read_timeout);
    auto [ec, n] = co_await bhttp::async_write(stream, res, kAsTuple);
    if (options_.log_requests) {
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - start)
                    .count();
      Log(LogLevel::kInfo, "request",
          {{"request_id", req.request_id},
           {"method", req.method},
           {"path", req.path},
           {"status", resp.status},
           {"latency_ms", static_cast<double>(us) / 1000.0},
           {"bytes_in", static_cast<uint64_t>(req.body.size())},
           {"bytes_out", static_cast<uint64_t>(body_size)},
           {"remote", req.remote}});
    }
    co_return !ec;
  }

  ServerOptions options_;
  Handler& handler_;
  asio::io_context ioc_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  std::string host_;
  uint16_t port_ = 0;
  bool started_ = false;

  std::mutex mu_;
  std::condition_variable conn_cv_;
  std::condition_variable stop_cv_;
  std::atomic<bool> stopping_{false};
  bool stopped_ = false;  // guarded by mu_
  std::unordered_set<std::shared_ptr<Connection>> conns_;  // guarded by mu_
};

Server::Server(ServerOptions options, Handler& handler)
    : impl_(std::make_unique<Impl>(std::move(options), handler)) {}
Server::~Server() = default;
Status Server::Start() { return impl_->Start(); }
const std::string& Server::host() const { return impl_->host(); }
uint16_t Server::port() const { return impl_->port(); }
void Server::Stop() { impl_->Stop(); }
void Server::Wait() { impl_->Wait(); }

}  // namespace fw::http
