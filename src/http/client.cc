#include "http/client.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>

namespace fw::http {
namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
}  // namespace

const std::string* ClientResponse::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (HeaderNameEquals(k, name)) return &v;
  }
  return nullptr;
}

// Every operation is asynchronous on a private io_context run to completion, so the stream's
// expiry (the timeout) applies to it: synchronous socket calls would ignore it.
class Client::Impl {
 public:
  Impl(std::string host, uint16_t port, std::chrono::milliseconds timeout)
      : host_(std::move(host)), port_(port), timeout_(timeout) {}

  Result<ClientResponse> Send(std::string_view method, std::string_view target,
                              const HeaderList& headers, std::string_view body) {
    // One retry on a stale keep-alive connection.
    for (int attempt = 0; attempt < 2; ++attempt) {
      beast::error_code ec;
      if (!stream_) {
        stream_.emplace(ioc_);
        ec = Connect(*stream_);
        if (ec) {
          stream_.reset();
          return Unavailable("connect: " + ec.message());
        }
      }
      bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
      if (req.method() == bhttp::verb::unknown) req.method_string(method);
      bool has_host = false;
      for (const auto& [k, v] : headers) {
        req.insert(k, v);
        if (HeaderNameEquals(k, "host")) has_host = true;
      }
      if (!has_host) req.set(bhttp::field::host, HostPort());
      req.body() = std::string(body);
      req.prepare_payload();
      req.keep_alive(true);
      stream_->expires_after(timeout_);
      ec = Run([&](auto done) { bhttp::async_write(*stream_, req, done); });
      // A server may answer (413) and close before reading all of the body: read anyway.
      const bool write_failed = static_cast<bool>(ec);
      if (!ec || ec == asio::error::broken_pipe || ec == asio::error::connection_reset) {
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(1ull << 30);
        if (method == "HEAD") parser.skip(true);
        stream_->expires_after(timeout_);
        ec = Run([&](auto done) { bhttp::async_read(*stream_, buffer_, parser, done); });
        if (!ec) {
          auto& msg = parser.get();
          ClientResponse out;
          out.status = static_cast<int>(msg.result_int());
          for (const auto& f : msg) {
            out.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
          }
          out.body = std::move(msg.body());
          if (!msg.keep_alive() || write_failed) stream_.reset();
          return out;
        }
      }
      stream_.reset();
      buffer_.clear();
      if (attempt == 1) return Unavailable("request failed: " + ec.message());
    }
    return Unavailable("request failed");
  }

  Result<std::string> SendRaw(std::string_view bytes) {
    beast::tcp_stream s(ioc_);
    beast::error_code ec = Connect(s);
    if (ec) return Unavailable("connect: " + ec.message());
    s.expires_after(timeout_);
    ec = Run([&](auto done) { asio::async_write(s, asio::buffer(bytes.data(), bytes.size()), done); });
    if (ec) return Unavailable("write: " + ec.message());
    std::string out;
    char buf[4096];
    while (true) {
      size_t n = 0;
      ec = Run([&](auto done) { s.async_read_some(asio::buffer(buf), done); }, &n);
      out.append(buf, n);
      if (ec) break;
    }
    if (ec == beast::error::timeout && out.empty()) return Unavailable("timeout");
    return out;
  }

  std::string HostPort() const { return host_ + ":" + std::to_string(port_); }

 private:
  // Starts an operation with a completion handler and runs the io_context until it is done.
  template <typename Start>
  beast::error_code Run(Start&& start, size_t* transferred = nullptr) {
    beast::error_code result;
    bool done = false;
    start([&](beast::error_code ec, size_t n) {
      result = ec;
      if (transferred != nullptr) *transferred = n;
      done = true;
    });
    ioc_.restart();
    while (!done && ioc_.run_one() > 0) {
    }
    return result;
  }

  beast::error_code Connect(beast::tcp_stream& s) {
    beast::error_code ec;
    auto address = asio::ip::make_address(host_, ec);
    if (ec) return ec;
    s.expires_after(timeout_);
    beast::error_code result;
    bool done = false;
    s.async_connect(tcp::endpoint(address, port_), [&](beast::error_code e) {
      result = e;
      done = true;
    });
    ioc_.restart();
    while (!done && ioc_.run_one() > 0) {
    }
    return result;
  }

  std::string host_;
  uint16_t port_;
  std::chrono::milliseconds timeout_;
  asio::io_context ioc_;
  std::optional<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

Client::Client(std::string host, uint16_t port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>(std::move(host), port, timeout)) {}
Client::~Client() = default;
Result<ClientResponse> Client::Send(std::string_view method, std::string_view target,
                                    const HeaderList& headers, std::string_view body) {
  return impl_->Send(method, target, headers, body);
}
Result<std::string> Client::SendRaw(std::string_view bytes) { return impl_->SendRaw(bytes); }
std::string Client::HostPort() const { return impl_->HostPort(); }

}  // namespace fw::http
