// Router: maps (method, path) to a route value through templates such as
// "/v1.1/{project_id}/clusters/{cluster_id}". Literal segments win over placeholders, so
// "/clusters/job" and "/clusters/{cluster_id}" coexist. A trailing slash is ignored.
// Placeholder values are percent-decoded.
//
// Thread-safety: Add() before serving; Find() is const and safe from any number of threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"

namespace fw::http {

enum class RouteOutcome { kFound, kNotFound, kMethodNotAllowed };

template <typename T>
class Router {
 public:
  struct Match {
    RouteOutcome outcome = RouteOutcome::kNotFound;
    const T* value = nullptr;
    std::string pattern;  // the template that matched
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> allowed_methods;  // for kMethodNotAllowed
  };

  // Returns false when the same method and template were already added.
  bool Add(std::string_view method, std::string_view pattern, T value) {
    Node* node = &root_;
    for (std::string_view seg : Split(pattern)) {
      if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
        if (!node->param) {
          node->param = std::make_unique<Node>();
          node->param_name = std::string(seg.substr(1, seg.size() - 2));
        }
        node = node->param.get();
      } else {
        auto& child = node->literals[std::string(seg)];
        if (!child) child = std::make_unique<Node>();
        node = child.get();
      }
    }
    node->pattern = std::string(pattern);
    return node->methods.emplace(std::string(method), std::move(value)).second;
  }

  Match Find(std::string_view method, std::string_view raw_path) const {
    Match m;
    std::vector<std::string_view> segs = Split(raw_path);
    std::vector<std::pair<std::string, std::string>> params;
    std::string_view wanted = method;
    const Node* node = Walk(&root_, segs, 0, wanted, params);
    if (node == nullptr && method == "HEAD") {
      wanted = "GET";
      node = Walk(&root_, segs, 0, wanted, params);
    }
    if (node == nullptr) {
      params.clear();
      node = Walk(&root_, segs, 0, {}, params);  // any method: 405 rather than 404
    }
    if (node == nullptr) return m;
    auto it = node->methods.find(std::string(wanted));
    if (it == node->methods.end()) {
      m.outcome = RouteOutcome::kMethodNotAllowed;
      for (const auto& [name, v] : node->methods) m.allowed_methods.push_back(name);
      m.pattern = node->pattern;
      return m;
    }
    m.outcome = RouteOutcome::kFound;
    m.value = &it->second;
    m.pattern = node->pattern;
    m.params = std::move(params);
    return m;
  }

 private:
  struct Node {
    std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
    std::unique_ptr<Node> param;
    std::string param_name;
    std::map<std::string, T> methods;
    std::string pattern;
  };

  static std::vector<std::string_view> Split(std::string_view path) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < path.size()) {
      size_t slash = path.find('/', start);
      if (slash == std::string_view::npos) slash = path.size();
      if (slash > start) out.push_back(path.substr(start, slash - start));
      start = slash + 1;
    }
    return out;
  }

  // Depth-first: literal child first, then the placeholder; backtracks when a branch fails.
  // A node matches when it serves `method` (any method when `method` is empty).
  static const Node* Walk(const Node* node, const std::vector<std::string_view>& segs, size_t i,
                          std::string_view method,
                          std::vector<std::pair<std::string, std::string>>& params) {
    if (i == segs.size()) {
      if (node->methods.empty()) return nullptr;
      if (method.empty() || node->methods.count(std::string(method))) return node;
      return nullptr;
    }
    auto lit = node->literals.find(segs[i]);
    if (lit != node->literals.end()) {
      if (const Node* found = Walk(lit->second.get(), segs, i + 1, method, params)) return found;
    }
    if (node->param) {
      params.emplace_back(node->param_name, DecodePathSegment(segs[i]));
      if (const Node* found = Walk(node->param.get(), segs, i + 1, method, params)) return found;
      params.pop_back();
    }
    return nullptr;
  }

  Node root_;
};

}  // namespace fw::http
