#include "engine/graph.h"

#include <algorithm>
#include <queue>

namespace fw::engine {

void Graph::Dedupe() {
  std::fill(in_degree_.begin(), in_degree_.end(), 0);
  for (auto& edges : out_) {
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    for (int to : edges) ++in_degree_[to];
  }
}

bool Graph::TopologicalOrder(std::vector<int>* order, std::vector<int>* cycle) const {
  std::vector<int> degree = in_degree_;
  std::queue<int> ready;
  for (size_t i = 0; i < degree.size(); ++i) {
    if (degree[i] == 0) ready.push(static_cast<int>(i));
  }
  order->clear();
  order->reserve(out_.size());
  while (!ready.empty()) {
    int n = ready.front();
    ready.pop();
    order->push_back(n);
    for (int d : out_[n]) {
      if (--degree[d] == 0) ready.push(d);
    }
  }
  if (order->size() == out_.size()) return true;
  // Every node left has a remaining predecessor: walk backwards along edges into unfinished
  // nodes until one repeats; the repeated stretch is a cycle.
  std::vector<std::vector<int>> in(out_.size());
  for (size_t from = 0; from < out_.size(); ++from) {
    if (degree[from] == 0) continue;
    for (int to : out_[from]) {
      if (degree[to] > 0) in[to].push_back(static_cast<int>(from));
    }
  }
  int start = -1;
  for (size_t i = 0; i < degree.size(); ++i) {
    if (degree[i] > 0 && !in[i].empty()) {
      start = static_cast<int>(i);
      break;
    }
  }
  std::vector<int> seen_at(out_.size(), -1);
  std::vector<int> path;
  int n = start;
  while (n >= 0 && seen_at[n] < 0) {
    seen_at[n] = static_cast<int>(path.size());
    path.push_back(n);
    n = in[n].empty() ? -1 : in[n].front();
  }
  if (cycle && n >= 0) {
    cycle->assign(path.begin() + seen_at[n], path.end());
    std::reverse(cycle->begin(), cycle->end());
  }
  return false;
}

}  // namespace fw::engine
