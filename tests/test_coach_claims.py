"""Key points are covered when the answer states them, not when it shares their words
(issue 30, section 3b): contradicted points are `key-point-wrong`, paraphrases count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netprep.coach.answers import analyze
from netprep.coach.statements import judge_points

GET_POST = ["GET reads and must not change state; PUT replaces a resource; PATCH changes part; "
            "POST creates or triggers.",
            "GET and PUT (and DELETE) are idempotent, so retrying is safe.",
            "POST is not idempotent unless you add an idempotency key."]
HEAP = ["A complete binary tree in which every parent is no larger than its children "
        "(min-heap), or no smaller (max-heap).",
        "It is stored in an array; the children of index i sit at 2i + 1 and 2i + 2.",
        "Peeking at the top is O(1); push and pop are O(log n) by sifting up or down.",
        "Building a heap from n items with heapify takes O(n).",
        "A heap is not sorted; only the root is guaranteed to be the extreme value."]
REVERSE = ["Keep three references, previous (initially null), current (the head) and next.",
           "For each node, save next, point current.next at previous, then advance previous "
           "and current.",
           "When current becomes null, previous is the new head.",
           "O(n) time and O(1) extra space iteratively; a recursive version uses O(n) stack."]
PASSWORDS = ["Never in plain text or with a fast hash; use a slow, salted algorithm such as "
             "bcrypt, scrypt or Argon2.",
             "A unique salt per password; tune cost to the hardware.",
             "Plan for rehashing when the algorithm or cost changes."]


@pytest.mark.parametrize("points, answer, wrong", [
    (GET_POST, "GET creates a resource and POST reads one; POST is idempotent, so always "
               "safe to retry.", {0, 2}),
    (HEAP, "A binary heap is a sorted binary search tree: every parent is larger than its "
           "children in a min-heap. The children of index i sit at 2i + 1 and 2i + 2. Peeking "
           "is O(1), push and pop are O(log n), and heapify is O(n).", {0, 4}),
    (REVERSE, "Keep previous, current and next. For each node save next, point current.next "
              "at next, then advance. When current is null, previous is the new head. O(n) "
              "time and O(1) space.", {1}),
    (PASSWORDS, "Hash them with SHA-256 with one salt for the whole database, and rehash "
                "when the algorithm changes.", {0, 1}),
])
def test_the_right_words_for_a_wrong_claim_are_wrong_not_covered(points, answer, wrong) -> None:
    covered, said = judge_points(points, answer)
    assert set(said) == wrong
    assert not set(covered) & wrong
    a = analyze(answer, kind="technical", key_points=points)
    assert a.codes[0] == "key-point-wrong" and not a.ready and a.score <= 50
    message = a.findings[0].message
    for i in wrong:  # what was said, and the correction: the key point's own text
        assert "Stated wrongly: “" in message and points[i].rstrip(".") in message
    assert a.extra["key_points_wrong"] == sorted(wrong)


@pytest.mark.parametrize("points, answer", [
    (GET_POST, "GET reads and never changes state, PUT replaces the whole resource, PATCH "
               "changes part of it and POST creates. GET, PUT and DELETE are idempotent, so "
               "retrying is safe; POST is not idempotent unless you send an idempotency key."),
    (HEAP, "A min-heap is a complete binary tree where every parent is no larger than its "
           "children, kept in an array with the children of i at 2i+1 and 2i+2. Peeking the "
           "top is O(1), push and pop are O(log n) by sifting. Heapify builds one in O(n). It "
           "is not sorted: only the root is the minimum."),
    (REVERSE, "Keep prev = null, curr = head and next. Loop: nxt = curr.next, curr.next = prev, "
              "prev = curr, curr = nxt. When curr is null prev is the new head. O(n) time, "
              "O(1) extra space."),
    (PASSWORDS, "Never plain text or a fast hash: use bcrypt or Argon2, a slow salted "
                "algorithm, with a unique salt per password and a cost tuned to the hardware. "
                "Plan to rehash when the cost changes."),
])
def test_the_same_points_said_rightly_are_covered(points, answer) -> None:
    covered, wrong = judge_points(points, answer)
    assert wrong == {} and covered == list(range(len(points)))
    assert analyze(answer, kind="technical", key_points=points).ready


def test_a_wrong_point_costs_more_than_a_missing_one() -> None:
    wrong = analyze("GET reads and must not change state; PUT replaces a resource; PATCH "
                    "changes part; POST creates. GET and PUT are idempotent, so retrying is "
                    "safe. POST is idempotent, so always safe to retry.", kind="technical",
                    key_points=GET_POST)
    missed = analyze("GET reads and must not change state; PUT replaces a resource; PATCH "
                     "changes part; POST creates. GET and PUT are idempotent, so retrying is "
                     "safe.", kind="technical", key_points=GET_POST)
    assert "key-point-wrong" in wrong.codes and "key-point-wrong" not in missed.codes
    assert wrong.score < missed.score and wrong.extra["suggested_rating"] < \
        missed.extra["suggested_rating"]


@pytest.mark.parametrize("point, answer", [
    ("Building a string of length n piece by piece can therefore cost O(n^2) in total.",
     "Building a string piece by piece that way costs time that grows with the square of "
     "its length."),
    ("Two indices move through the data, either from both ends toward each other or in the "
     "same direction at different speeds.",
     "Put one finger at each end and move them toward each other, or walk two fingers in "
     "the same direction at different speeds."),
    ("Collisions are handled by chaining (a list per bucket) or open addressing (probing "
     "for another slot).",
     "When two keys collide, each slot keeps a small list, or you probe for another free "
     "slot."),
    ("Both are O(V + E); in a graph, track visited nodes to avoid looping forever.",
     "Both touch every vertex and edge once."),
    ("A hash map offers O(1) average operations but keeps no order among keys.",
     "A hash map jumps straight to the key, so on average a lookup takes the same short time "
     "however big it gets, but the keys come out in no particular order."),
    ("Search, insert and delete take O(h), where h is the tree's height.",
     "To search, insert or delete a key you walk one path from the top, so the cost is the "
     "depth of the tree."),
    ("Use two pointers, slow moving one step and fast moving two.",
     "I walk two markers down the list together, one going a node at a time and the other "
     "going two nodes at a time."),
])
def test_plain_language_paraphrases_count(point, answer) -> None:
    assert judge_points([point], answer) == ([0], {})


def test_a_complexity_given_as_the_other_dimension_is_not_the_point() -> None:
    point = "A hash set of visited nodes also works, at the cost of O(n) space."
    assert judge_points([point], "It runs in O(n) time with O(1) space.")[0] == []


DYNAMIC_ARRAY = [
    "It keeps a backing array with spare capacity, plus a separate count of used slots.",
    "One resize costs O(n), but geometric growth means all the copying over n appends adds "
    "up to O(n), so each append is O(1) amortised.",
    "Growing by a fixed number of slots instead would make appends O(n) amortised.",
    "Inserting or deleting at the front or middle is still O(n) because elements shift."]


def test_a_complexity_said_of_another_cost_does_not_cover_a_point() -> None:
    """O(n) for the copying is not O(n) for inserting at the front, nor what a fixed step
    would cost; said of those costs, each point counts."""
    copying = ("It keeps a backing array with spare capacity and a count of used slots. The "
               "copy costs O(n), but because the capacity doubles the total copying over n "
               "appends is O(n), so each append is O(1) amortised.")
    assert judge_points(DYNAMIC_ARRAY, copying)[0] == [0, 1]
    both = copying + (" Growing by a fixed number of slots instead would make appends O(n) "
                      "amortised, and inserting at the front is still O(n) since every "
                      "element shifts.")
    assert judge_points(DYNAMIC_ARRAY, both)[0] == [0, 1, 2, 3]


def test_memory_that_stays_fixed_is_constant_space_not_time() -> None:
    answer = ("Keep previous, current and next. For each node save next, point current.next "
              "at previous, then advance. When current is null, previous is the new head. I "
              "touch each node once, so the time grows in step with the length and the memory "
              "stays fixed.")
    covered, wrong = judge_points(REVERSE, answer)
    assert 3 not in wrong


def test_on_average_per_append_is_the_amortised_cost_in_plain_words() -> None:
    answer = ("When the block is full it asks for one twice as big and copies everything "
              "across. That copy is costly once, but since the block doubles each time, the "
              "total copying is only about twice the number of items, so on average each "
              "append costs a fixed small amount.")
    covered, wrong = judge_points(DYNAMIC_ARRAY, answer)
    assert 1 not in wrong and 1 in covered


MERGE = ["Compare the two current heads, attach the smaller one, and advance that list.",
         "O(n + m) time and O(1) extra space, since nodes are relinked rather than copied.",
         "A recursive version is shorter but uses O(n + m) stack depth."]


def test_a_cost_that_belongs_to_another_point_is_still_wrong_for_this_one() -> None:
    """O(n + m) is the recursion's stack, not the loop's extra space: said of the loop it is
    wrong, even though another key point gives that growth."""
    answer = ("Compare the two current heads, attach the smaller one, and advance that list. "
              "It is O(n + m) time and O(n + m) extra space, since the nodes are copied.")
    assert 1 in judge_points(MERGE, answer)[1]
    right = answer.replace("O(n + m) extra space, since the nodes are copied",
                           "O(1) extra space, since nodes are relinked")
    assert judge_points(MERGE, right) == ([0, 1], {})


def test_the_answers_own_complexity_contradicts_the_only_cost_of_its_kind() -> None:
    """ "It is O(n squared) time" is said of nothing in particular, but the only time cost the
    key points give is the reversal's O(n) (its words "iteratively; a recursive version"
    name no other cost): it is wrong, not missing."""
    points = REVERSE
    answer = ("Keep previous, current and next. For each node save next, point current.next "
              "at previous, then advance. When current is null, previous is the new head. "
              "It is O(n squared) time because every step walks the list, and O(1) space.")
    assert 3 in judge_points(points, answer)[1]
    right = answer.replace("O(n squared) time because every step walks the list",
                           "O(n) time")
    assert 3 not in judge_points(points, right)[1]


# --- in the mock: panel, summary, history show --------------------------------------------

PACK = Path(__file__).parent / "data" / "mock" / "keypoints"


@pytest.fixture
def pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir",
                        lambda: Path(__file__).parent / "data" / "mock" / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(PACK))


def test_the_mock_shows_wrong_points_with_their_correction(cli, pack) -> None:
    result = cli("mock", "--pack", "kpfix", "--round", "technical", "--questions", "1",
                 "--untimed", input="GET creates a resource and POST reads one; POST is "
                 "idempotent, so always safe to retry.\n")
    assert result.code == 0, result.err
    panel = " ".join(result.err.split())
    assert "key points 0/3 · 2 stated wrongly" in panel
    assert "Stated wrongly: “GET creates a resource and POST reads one” — correct: GET " \
           "reads" in panel
    assert "[!] stated wrongly — correct: POST is not idempotent" in panel
    assert "Stated wrongly — correct: GET reads" in " ".join(result.out.split())
    view = " ".join(cli("history", "show", "1").out.replace("│", " ").split())
    assert "[!] stated wrongly — correct: POST is not idempotent" in view
    shown = json.loads(cli("history", "show", "1", "--json").out)["questions"][0]
    assert shown["checklist"]["key_points_wrong"] == [GET_POST[0], GET_POST[2]]
    assert shown["checklist"]["key_points"] == []
    assert shown["findings"][0]["code"] == "key-point-wrong"
    assert shown["ready"] is False


LISTS = ["Membership in a list is a linear scan, so the total is O(n x m).",
         "Build a hash set from the second list first; that is O(m), then each lookup is O(1) "
         "on average, O(n + m) overall.",
         "The trade-off is O(m) extra memory.",
         "If both lists are sorted, a two-pointer walk also runs in O(n + m) with no extra "
         "memory."]


def test_a_technique_never_named_is_not_covered_by_its_complexity_alone() -> None:
    """QA (issue 30): the hash-set answer got 4/4, the sorted two-pointer walk included,
    because it said O(n + m) and "two nested loops" shared the word "two"."""
    answer = ("With two nested loops it is O(n times m), because each membership check scans "
              "the other list. To improve it I would put the second list into a hash set "
              "first, which takes O(m) time and O(m) space, and then each check is O(1) on "
              "average, so the whole thing is O(n + m).")
    analysis = analyze(answer, kind="technical", key_points=LISTS)
    assert analysis.extra["key_points_covered"] == [0, 1, 2]
    assert analysis.extra["key_points_missed"] == [LISTS[3]] and not analysis.ready
    walked = answer + (" If both lists were sorted I could instead walk them with two "
                       "pointers in O(n + m) and no extra memory.")
    assert analyze(walked, kind="technical", key_points=LISTS).extra[
        "key_points_covered"] == [0, 1, 2, 3]


def test_the_wrong_new_head_and_the_recursive_space_for_a_loop_are_wrong() -> None:
    """Blind dev r002: 'I return current as the new head' and 'O(n) extra space because of
    the three pointers' (an answer that never recurses) contradict points 2 and 3."""
    answer = ("I keep three references: previous, current and next. For each node I save "
              "next, point current.next at previous and move both one step forward. When "
              "current becomes null I return current as the new head. It is O(n) time and "
              "O(n) extra space because of the three pointers.")
    covered, wrong = judge_points(REVERSE, answer)
    assert sorted(wrong) == [2, 3] and covered == [0, 1]
    right = answer.replace("return current as", "return previous as").replace(
        "O(n) extra space because of the three pointers", "O(1) extra space")
    assert judge_points(REVERSE, right) == ([0, 1, 2, 3], {})
    recursive = right.replace("O(1) extra space", "O(1) extra space, or O(n) stack if I "
                              "write it recursively")
    assert 3 not in judge_points(REVERSE, recursive)[1]


def test_a_named_fast_hash_called_slow_is_still_wrong() -> None:
    """Blind dev r003: 'SHA-256, which is a slow and secure hash' is the fast hash the point
    warns against, whatever the answer calls it; naming MD5 as what never to use is fine."""
    said = "Never plain text. You hash them with SHA-256, which is a slow and secure hash."
    assert 0 in judge_points(PASSWORDS, said)[1]
    avoided = ("Use Argon2id or bcrypt, never plain text or a quick hash like MD5, each "
               "password with its own random salt.")
    assert 0 not in judge_points(PASSWORDS, avoided)[1]


# --- the direction of a claim: order, roles, places, values (keypoints, issue 30 3b) ------

TWO_SUM = ["Scan once, keeping a hash map from each value seen so far to its index.",
           "For each element x, look up target minus x in the map before inserting x.",
           "That is O(n) time and O(n) extra space, instead of O(n^2) for checking every pair.",
           "Checking before inserting stops an element pairing with itself and handles "
           "duplicates such as [3, 3] with target 6."]


def test_the_steps_in_the_other_order_are_wrong() -> None:
    """ "Insert x first, then look up target minus x" uses every word of the look-up point
    and says the opposite order; it is wrong once, for the point it is closest to."""
    answer = ("Scan once with a hash map from each value to its index. For each element x, "
              "insert x into the map first and then look up target minus x. That is O(n) "
              "time and O(n) extra space, instead of O(n^2) for every pair.")
    covered, wrong = judge_points(TWO_SUM, answer)
    assert sorted(wrong) == [1] and covered == [0, 2]
    why = answer + " Inserting first also handles duplicates like [3, 3] with target 6."
    assert sorted(judge_points(TWO_SUM, why)[1]) == [1, 3]
    right = ("One pass with a dictionary from value to index: for each x I first check "
             "whether target minus x is already there, and only then add x. O(n) time and "
             "O(n) memory, against O(n^2) for all pairs.")
    covered, wrong = judge_points(TWO_SUM, right)
    assert wrong == {} and {0, 1, 2} <= set(covered)


AUTH = ["Authentication proves who you are; authorisation decides what you may do.",
        "Bugs hide in missing object-level checks (user A reading user B's data by id).",
        "Check authorisation on the server for every request."]


def test_swapped_roles_said_in_plain_words_and_a_check_in_the_client_are_wrong() -> None:
    answer = ("Authorisation is proving who you are, like logging in, and authentication is "
              "what you are allowed to do. If the frontend hides the button, that is enough; "
              "the server does not need to check again.")
    assert sorted(judge_points(AUTH, answer)[1]) == [0, 2]
    right = ("Authentication proves who you are; authorisation decides what you are allowed "
             "to do. Hiding buttons is not enough: check authorisation on the server for "
             "every request.")
    covered, wrong = judge_points(AUTH, right)
    assert wrong == {} and {0, 2} <= set(covered)


BST = ["For every node, keys in the left subtree are smaller and keys in the right subtree "
       "are larger.",
       "A balanced tree has height O(log n); inserting sorted keys into a plain BST degrades "
       "it into a list of height n.",
       "An in-order traversal visits the keys in sorted order."]


def test_a_tree_kept_balanced_by_sorted_keys_and_the_wrong_traversal_are_wrong() -> None:
    answer = ("Left keys are smaller and right keys larger at every node. Inserting sorted "
              "keys keeps a plain BST balanced, with height O(log n). A pre-order traversal "
              "gives you the keys sorted.")
    assert sorted(judge_points(BST, answer)[1]) == [1, 2]
    right = ("Left keys are smaller and right keys larger at every node. Balanced, the height "
             "is O(log n), but inserting sorted keys into a plain BST degrades it into a list. "
             "An in-order traversal visits the keys in sorted order.")
    assert judge_points(BST, right) == ([0, 1, 2], {})


def test_a_supposition_contradicts_the_points_own_supposition() -> None:
    """ "Growing by doubling would ... make appends O(n)" against "growing by a fixed number
    would make appends O(n)": the supposed growth is the wrong one."""
    answer = ("It keeps a backing array with spare capacity and a count of used slots. One "
              "resize costs O(n). Growing by doubling would waste memory and make appends "
              "O(n) amortised.")
    assert 2 in judge_points(DYNAMIC_ARRAY, answer)[1]
    right = answer.replace("doubling would waste memory and make",
                           "a fixed number of slots would make")
    assert 2 not in judge_points(DYNAMIC_ARRAY, right)[1]


@pytest.mark.parametrize("points, answer, wrong", [
    (REVERSE, "I keep previous, current and next, with previous starting at the head. For each "
              "node save next, point current.next at previous, then advance. When current is "
              "null, previous is the new head.", 0),
    (["Return 429 with a retry-after header; decide whether to fail open or closed."],
     "Over the limit I return 403 Forbidden with a Retry-After header.", 0),
    (["Use parameterised queries or a query builder, never string building.",
      "Least-privilege database accounts limit the damage of a mistake."],
     "Escape the input with string formatting, which is the same as a parameterised query. "
     "Give the app an admin account so it never fails on permissions.", 1),
    (["Counters in a shared fast store so every server sees the same count; atomic "
      "increments."],
     "Each server keeps its counters in its own local memory, so there is no need for a "
     "shared store.", 0),
    (["On pop, pop both; the top of the minimum stack is always the current minimum."],
     "On pop, pop only the main stack; the bottom of the minimum stack is the minimum.", 0),
    (["Stability is irrelevant when equal elements are indistinguishable, such as plain "
      "integers.", "It matters when sorting by several keys in passes."],
     "It matters when you sort by several keys, and it matters even for plain integers.", 0),
])
def test_another_value_for_the_same_thing_is_wrong(points, answer, wrong) -> None:
    assert wrong in judge_points(points, answer)[1]


def test_a_point_that_allows_two_values_is_not_contradicted_by_either() -> None:
    point = ["Redirect with 301 or 302 and think about abuse (spam links, rate limits)."]
    assert judge_points(point, "The short link answers with a 302 and I rate limit abuse.") \
        == ([0], {})


def test_a_negation_stops_at_and() -> None:
    point = ["On a closing bracket, the stack must be non-empty and its top must be the "
             "matching opener; pop it."]
    answer = ("On a closing bracket, the stack must not be empty and its top must be the "
              "matching opener, then I pop it.")
    assert judge_points(point, answer) == ([0], {})


@pytest.mark.parametrize("point, answer", [
    ("Membership in a list is a linear scan, so the total is O(n x m).",
     "Checking a value means looking through the whole list, so for every element of the "
     "first list it costs the length of one times the length of the other."),
    ("It typically turns an O(n^2) pair search into O(n) time with O(1) extra space.",
     "Instead of trying every pair, which blows up with the square of n, you go through it "
     "once and only hold two indexes."),
    ("Accuracy is meaningless; use precision and recall, or PR curves.",
     "Plain accuracy tells you nothing; look at how many of the cases it flags are really "
     "positive and how many of the real cases it catches."),
    ("Re-weight or resample classes, and tune the decision threshold.",
     "Count each rare example more heavily, or show the model more copies of them, and pick "
     "the cut-off from the curve."),
    ("Counters in a shared fast store so every server sees the same count; atomic "
     "increments.",
     "The buckets live in Redis, updated with an atomic script so two servers cannot both "
     "spend the last token."),
    ("Add secret scanning and a secrets manager so it does not recur.",
     "I would add a check that blocks commits containing anything that looks like a key, and "
     "move our keys into a vault."),
    ("Collect the pieces in a list, or a StringBuilder in Java, and join once at the end for "
     "O(n).",
     "Drop the pieces into a list as you go and glue them together once at the end, which "
     "copies each character once."),
])
def test_more_plain_language_paraphrases_count(point, answer) -> None:
    assert judge_points([point], answer) == ([0], {})


def test_the_mock_flags_the_other_order_with_its_correction(cli, monkeypatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir",
                        lambda: Path(__file__).parent / "data" / "mock" / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(Path(__file__).parent / "data" / "mock" /
                                              "keypoints-order"))
    result = cli("mock", "--pack", "kporder", "--round", "technical", "--questions", "1",
                 "--untimed", input="Scan once with a hash map from each value to its index. "
                 "For each element x, insert x into the map first and then look up target "
                 "minus x. That is O(n) time and O(n) extra space, instead of O(n^2) for "
                 "checking every pair.\n")
    assert result.code == 0, result.err
    panel = " ".join(result.err.split())
    assert "key points 2/3 · 1 stated wrongly" in panel, panel
    assert ("Stated wrongly: “For each element x, insert x into the map first and then look "
            "up target minus x” — correct: For each element x, look up target minus x in the "
            "map before inserting x.") in panel, panel
    assert "[!] stated wrongly — correct: For each element x, look up target minus x" in panel
    shown = json.loads(cli("history", "show", "1", "--json").out)["questions"][0]
    assert shown["checklist"]["key_points_wrong"] == [
        "For each element x, look up target minus x in the map before inserting x."]
    assert shown["checklist"]["key_points"] == [
        "Scan once, keeping a hash map from each value seen so far to its index.",
        "That is O(n) time and O(n) extra space, instead of O(n^2) for checking every pair."]
    assert shown["ready"] is False
