// The HTTP layer on a real socket: limits, timeouts, request ids, graceful stop.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "http/client.h"

namespace fw::http {
namespace {

class EchoHandler : public Handler {
 public:
  size_t MaxBodyBytes(const Request& head) const override {
    return head.path == "/big" ? 1 << 20 : 1024;
  }
  Response Handle(Request& req) override {
    if (req.path == "/slow") {
      entered.set_value();
      release.get_future().wait();
    }
    if (req.path == "/throw") throw std::runtime_error("boom");
    return Response::Json(200, "{\"method\":\"" + req.method + "\",\"bytes\":" +
                                   std::to_string(req.body.size()) + "}");
  }
  Response Reject(const Request&, const Status& s) const override {
    int code = s.code() == ErrorCode::kPayloadTooLarge ? 413
               : s.code() == ErrorCode::kInternal     ? 500
                                                      : 400;
    return Response::Json(code, "{\"error\":\"" + s.message() + "\"}");
  }
  std::promise<void> entered, release;
};

class HttpServerTest : public ::testing::Test {
 protected:
  void StartServer(ServerOptions o = {}) {
    o.log_requests = false;
    server_ = std::make_unique<Server>(o, handler_);
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }
  EchoHandler handler_;
  std::unique_ptr<Server> server_;
};

TEST_F(HttpServerTest, EveryResponseHasRequestIdAndJsonContentType) {
  StartServer();
  ASSERT_NE(server_->port(), 0);
  Client c("127.0.0.1", server_->port());
  auto r = c.Send("POST", "/x", {}, "hello");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "{\"method\":\"POST\",\"bytes\":5}");
  ASSERT_NE(r->Header("X-Request-Id"), nullptr);
  EXPECT_EQ(r->Header("X-Request-Id")->size(), 32u);
  EXPECT_EQ(*r->Header("Content-Type"), "application/json");
  auto r2 = c.Send("GET", "/x");  // same keep-alive connection
  ASSERT_TRUE(r2.ok());
  EXPECT_NE(*r2->Header("X-Request-Id"), *r->Header("X-Request-Id"));
}

TEST_F(HttpServerTest, OversizedBodyIs413WithoutReadingIt) {
  StartServer();
  Client c("127.0.0.1", server_->port());
  // Declares 1 GB but sends only a few bytes: the server must answer at once.
  auto raw = c.SendRaw(
      "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000000\r\n\r\nabc");
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->rfind("HTTP/1.1 413", 0), 0u) << "[" << *raw << "]";
  EXPECT_NE(raw->find("X-Request-Id"), std::string::npos);
  // The per-route limit: /big accepts 2000 bytes, /x does not.
  EXPECT_EQ(c.Send("POST", "/big", {}, std::string(2000, 'a'))->status, 200);
  EXPECT_EQ(c.Send("POST", "/x", {}, std::string(2000, 'a'))->status, 413);
  // Chunked bodies are limited as they stream in.
  auto chunked = c.SendRaw(
      "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" +
      std::string(2048, 'a') + "\r\n0\r\n\r\n");
  ASSERT_TRUE(chunked.ok());
  EXPECT_EQ(chunked->rfind("HTTP/1.1 413", 0), 0u) << "[" << *chunked << "]";
}

TEST_F(HttpServerTest, MalformedRequestsGet400AndServerStaysUp) {
  StartServer();
  Client c("127.0.0.1", server_->port());
  auto raw = c.SendRaw("NOT HTTP AT ALL\r\n\r\n");
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->rfind("HTTP/1.1 400", 0), 0u) << *raw;
  auto big_header = c.SendRaw("GET / HTTP/1.1\r\nX: " + std::string(70000, 'a') + "\r\n\r\n");
  ASSERT_TRUE(big_header.ok());
  EXPECT_EQ(big_header->rfind("HTTP/1.1 413", 0), 0u);
  EXPECT_EQ(c.Send("GET", "/x")->status, 200);
}

TEST_F(HttpServerTest, HandlerExceptionBecomes500) {
  StartServer();
  Client c("127.0.0.1", server_->port());
  EXPECT_EQ(c.Send("GET", "/throw")->status, 500);
  EXPECT_EQ(c.Send("GET", "/x")->status, 200);
}

TEST_F(HttpServerTest, SlowClientTimesOut) {
  ServerOptions o;
  o.read_timeout = std::chrono::milliseconds(200);
  StartServer(o);
  Client c("127.0.0.1", server_->port(), std::chrono::milliseconds(5000));
  auto start = std::chrono::steady_clock::now();
  auto raw = c.SendRaw("GET /x HTTP/1.1\r\nHost: a\r\n");  // never finishes the header
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(*raw, "");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST_F(HttpServerTest, StopFinishesInFlightRequests) {
  StartServer();
  auto port = server_->port();
  auto in_flight = std::async(std::launch::async, [port] {
    Client c("127.0.0.1", port);
    return c.Send("GET", "/slow");
  });
  handler_.entered.get_future().wait();
  std::thread stopper([&] { server_->Stop(); });
  // Release the handler only once the server has stopped accepting (Stop is under way).
  bool refused = false;
  for (int i = 0; i < 5000 && !refused; ++i) {
    Client probe("127.0.0.1", port, std::chrono::milliseconds(2000));
    refused = !probe.Send("GET", "/x").ok();
    if (!refused) std::this_thread::yield();
  }
  EXPECT_TRUE(refused);
  handler_.release.set_value();
  auto r = in_flight.get();
  stopper.join();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 200);
  ASSERT_NE(r->Header("Connection"), nullptr);
  EXPECT_EQ(*r->Header("Connection"), "close");
  Client late("127.0.0.1", port);
  EXPECT_FALSE(late.Send("GET", "/x").ok());  // no longer accepting
}

}  // namespace
}  // namespace fw::http
