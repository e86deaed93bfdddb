// sim/shape.hpp — a JSON object's fields, described once: name, type, range, required or default, and
// where the value goes (a field's default is its member's initial value). One description drives
//   - reading: unknown keys (with "did you mean"), types and ranges (json_input.hpp's integer_in_range
//     and number_in_range), required keys, each refusal one ShapeError with the field's JSON pointer;
//   - writing: to_json of the fields that have a member;
//   - the list of field names, which tests/sim/test_shapes.cpp compares with the JSON Schema
//     (scenarios/schema/scenario.schema.json) at the shape's `schema` pointer.
// Light on purpose: the typed part (Shape<T>) only wraps member pointers in small functions; every
// check and message lives in shape.cpp. This header needs only <nlohmann/json_fwd.hpp>.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace sim {

// The one error type of the readers: where (file and JSON pointer), what, and the key meant.
struct ShapeError {
    std::string file;          // "" when the reader does not know its file
    std::string pointer;       // JSON pointer of the field, "" for the whole document
    std::string message;       // "must be a whole number from 0 to 1000, not 1e+300"
    std::string suggestion;    // for an unknown key: the known key it is closest to, or ""
    std::string text() const;  // "file: /pointer: message", without the parts that are empty
};
using ShapeErrors = std::vector<ShapeError>;

enum class FieldType {
    Any,       // any JSON value (read by hand, or kept as it is)
    Bool,      // true or false
    Integer,   // a whole number from lo to hi
    Unsigned,  // any whole number from 0 to 2^64-1 (seeds)
    Number,    // any finite number from lo to hi
    String,    // a text
    Strings,   // an array of texts
    Object,    // a JSON object
    Array,     // a JSON array
};

// How a reader words a wrong type (each reader keeps the words its users and tests know).
enum class TypeWords {
    HasWrongType,  // "has the wrong type (number)"; null counts as absent
    MustBe,        // "must be a string, not number"; null is a wrong type
};

// A field's value after its type and range were checked.
struct FieldValue {
    const nlohmann::json* json = nullptr;  // the value in the document
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer = 0;
    double number = 0;
    std::string string;
    std::vector<std::string> strings;
};

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::Any;
    bool required = false;                // absent: "missing required key "name"" at the object's pointer
    std::int64_t lo = 0, hi = 0;          // Integer
    bool unsigned_member = false;         // Integer: written as an unsigned JSON number
    std::string wrong_type;               // "" = the shape's TypeWords
    double number_lo = 0, number_hi = 0;  // Number
    std::function<void(void* target, const FieldValue& value)> set;  // where it goes (optional)
    std::function<void(const void* source, FieldValue& value)> get;  // how it is written (optional)
    // A check or conversion after the value was read (optional): (target, value, its pointer, errors).
    std::function<void(void*, const FieldValue&, const std::string&, ShapeErrors&)> then;
};

// The untyped description and everything that does not depend on the struct.
class ObjectShape {
public:
    // `schema`: where this object's sub-schema is in scenario.schema.json, as a URI fragment: "#" for the
    // document, "#/properties/start" for a part; "" when the object is not in that schema.
    explicit ObjectShape(std::string schema = "", TypeWords words = TypeWords::HasWrongType);

    const std::string& schema() const { return schema_; }
    const std::vector<FieldSpec>& fields() const { return fields_; }
    std::vector<std::string> names() const;  // in the order described
    const FieldSpec* find(const std::string& name) const;

    // Every key of `obj` that is not described: "unknown key "x" — did you mean "y"?".
    void check_keys(const nlohmann::json& obj, const std::string& pointer, ShapeErrors& errors) const;
    // Reads one described field of `obj`: false when it is absent (or null with HasWrongType) or refused
    // (refusals are added to `errors`, and a required field's absence too).
    bool value(const nlohmann::json& obj, const std::string& name, const std::string& pointer,
               FieldValue& out, ShapeErrors& errors) const;
    // Reads every described field with a member into `target`, in the order described.
    void read_fields(const nlohmann::json& obj, const std::string& pointer, void* target,
                     ShapeErrors& errors) const;
    // Reads one described field into `target` through its member; false when absent or refused.
    bool read_field(const nlohmann::json& obj, const std::string& name, const std::string& pointer,
                    void* target, ShapeErrors& errors) const;
    // Writes every field with a member into `out` (an object).
    void write_fields(const void* source, nlohmann::json& out) const;

protected:
    FieldSpec& add(const char* name, FieldType type);
    FieldSpec& last() { return fields_.back(); }  // the field described last

private:
    std::string schema_;
    TypeWords words_;
    std::vector<FieldSpec> fields_;
};

// The shapes that describe part of a schema (for the schema parity test), in the order registered.
// Readers register theirs at start-up: `const auto kTenant = described(Shape<Tenant>("/properties/…")…);`.
void register_shape(const ObjectShape& shape);
const std::vector<ObjectShape>& registered_shapes();
template <class S>
S described(const S& shape) {
    register_shape(shape);
    return shape;
}

// The fields of a struct T. Build once (a function-local or namespace-scope static), use many times.
template <class T>
class Shape : public ObjectShape {
public:
    using ObjectShape::ObjectShape;

    // A field read by hand (described for unknown keys and the schema; its type is still checked by
    // value()).
    Shape& known(const char* name, FieldType type = FieldType::Any) {
        add(name, type);
        return *this;
    }
    Shape& boolean(const char* name, bool T::*m) {
        FieldSpec& f = add(name, FieldType::Bool);
        f.set = [m](void* t, const FieldValue& v) { static_cast<T*>(t)->*m = v.boolean; };
        f.get = [m](const void* s, FieldValue& v) { v.boolean = static_cast<const T*>(s)->*m; };
        return *this;
    }
    Shape& string(const char* name, std::string T::*m) {
        FieldSpec& f = add(name, FieldType::String);
        f.set = [m](void* t, const FieldValue& v) { static_cast<T*>(t)->*m = v.string; };
        f.get = [m](const void* s, FieldValue& v) { v.string = static_cast<const T*>(s)->*m; };
        return *this;
    }
    Shape& strings(const char* name, std::vector<std::string> T::*m) {
        FieldSpec& f = add(name, FieldType::Strings);
        f.set = [m](void* t, const FieldValue& v) { static_cast<T*>(t)->*m = v.strings; };
        f.get = [m](const void* s, FieldValue& v) { v.strings = static_cast<const T*>(s)->*m; };
        return *this;
    }
    template <class I>
    Shape& integer(const char* name, I T::*m, std::int64_t lo, std::int64_t hi) {
        FieldSpec& f = add(name, FieldType::Integer);
        f.lo = lo;
        f.hi = hi;
        f.unsigned_member = std::is_unsigned_v<I>;
        f.set = [m](void* t, const FieldValue& v) { static_cast<T*>(t)->*m = static_cast<I>(v.integer); };
        f.get = [m](const void* s, FieldValue& v) {
            v.integer = static_cast<std::int64_t>(static_cast<const T*>(s)->*m);
        };
        return *this;
    }
    Shape& unsigned_integer(const char* name, std::uint64_t T::*m) {
        FieldSpec& f = add(name, FieldType::Unsigned);
        f.set = [m](void* t, const FieldValue& v) { static_cast<T*>(t)->*m = v.unsigned_integer; };
        f.get = [m](const void* s, FieldValue& v) { v.unsigned_integer = static_cast<const T*>(s)->*m; };
        return *this;
    }
    Shape& number(const char* name, double T::*m, double lo, double hi) {
        FieldSpec& f = add(name, FieldType::Number);
        f.number_lo = lo;
        f.number_hi = hi;
        f.set = [m](void* t, const FieldValue& v) { static_cast<T*>(t)->*m = v.number; };
        f.get = [m](const void* s, FieldValue& v) { v.number = static_cast<const T*>(s)->*m; };
        return *this;
    }
    // A field kept as JSON (J is nlohmann::json; a template so this header needs no json.hpp).
    template <class J>
    Shape& json(const char* name, J T::*m, FieldType type = FieldType::Any) {
        FieldSpec& f = add(name, type);
        f.set = [m](void* t, const FieldValue& v) { static_cast<T*>(t)->*m = *v.json; };
        f.get = [m](const void* s, FieldValue& v) { v.json = &(static_cast<const T*>(s)->*m); };
        return *this;
    }
    // After the last field was read (and set): f(T& target, const FieldValue& v, const std::string&
    // pointer, ShapeErrors& errors) checks or converts it.
    template <class F>
    Shape& then(F f) {
        last().then = [f](void* t, const FieldValue& v, const std::string& at, ShapeErrors& e) {
            f(*static_cast<T*>(t), v, at, e);
        };
        return *this;
    }
    // The range of the last field (a whole number read by hand).
    Shape& range(std::int64_t lo, std::int64_t hi) {
        last().lo = lo;
        last().hi = hi;
        return *this;
    }
    // The last field described is required.
    Shape& required() {
        last().required = true;
        return *this;
    }
    // The words for a wrong type of the last field, instead of the shape's TypeWords ("must be a text").
    Shape& wrong_type(const char* message) {
        last().wrong_type = message;
        return *this;
    }
    void read(const nlohmann::json& obj, const std::string& pointer, T& out, ShapeErrors& errors) const {
        read_fields(obj, pointer, &out, errors);
    }
    bool read(const nlohmann::json& obj, const char* name, const std::string& pointer, T& out,
              ShapeErrors& errors) const {
        return read_field(obj, name, pointer, &out, errors);
    }
    void write(const T& source, nlohmann::json& out) const { write_fields(&source, out); }
};

}  // namespace sim
