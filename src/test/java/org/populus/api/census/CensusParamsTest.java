package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.populus.api.web.BodyTooLargeException;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** {@link CensusParams} on mock requests: Rack's form rules, rectify's {@code person} merge, JSON bodies. */
class CensusParamsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FORM = "application/x-www-form-urlencoded";

    static MockHttpServletRequest request(String method, String query, String contentType, String body) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, "/api/v1/people/1@census");
        r.setQueryString(query);
        if (contentType != null) {
            r.setContentType(contentType);
        }
        if (body != null) {
            r.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    static CensusParams form(String body) {
        return CensusParams.read(request("POST", null, FORM, body), JSON);
    }

    static CensusParams query(String query) {
        return CensusParams.read(request("GET", query, null, null), JSON);
    }

    static CensusParams json(String body) {
        return CensusParams.read(request("POST", null, "application/json", body), JSON);
    }

    static Map<String, String> file(String filename, String contentType, String content) {
        return Map.of("filename", filename, "content_type", contentType, "base64_content", content);
    }

    @Nested
    class Forms {

        @Test
        void rootParametersAsTheRealClientSendsThem() {
            CensusParams p = form("first_name=Luc%C3%ADa&last_name1=Garc%C3%ADa+L%C3%B3pez&document_type=dni"
                    + "&origin_qualified_id=8926202%40participa2_application-1&scope_code=ES&last_name2=");
            assertThat(p.body()).isEqualTo(CensusParams.Body.FORM);
            assertThat(p.text("first_name")).isEqualTo("Lucía");
            assertThat(p.text("last_name1")).isEqualTo("García López");
            assertThat(p.text("origin_qualified_id")).isEqualTo("8926202@participa2_application-1");
            assertThat(p.text("last_name2")).isEmpty();
            assertThat(p.present("last_name2")).isTrue();
            assertThat(p.text("phone")).isNull();
            assertThat(p.present("phone")).isFalse();
            assertThat(p.names()).containsExactly("first_name", "last_name1", "document_type",
                    "origin_qualified_id", "scope_code", "last_name2");
        }

        @Test
        void personNestedWinsOverRoot() {
            CensusParams p = form("first_name=Root&person[first_name]=Nested&person[gender]=female&email=a%40b.c");
            assertThat(p.text("first_name")).isEqualTo("Nested");
            assertThat(p.text("gender")).isEqualTo("female");
            assertThat(p.text("email")).isEqualTo("a@b.c");
            assertThat(p.names()).containsExactly("first_name", "email", "gender");
            assertThat(p.present("person")).isFalse();
        }

        @Test
        void nestedWinsWhateverTheOrder() {
            assertThat(form("person[first_name]=Nested&first_name=Root").text("first_name")).isEqualTo("Nested");
        }

        @Test
        void scopeIdsAreDroppedInsidePersonButKeptAtTheRoot() {
            CensusParams p = form("scope_id=7&person[address_scope_id]=8&person[document_scope_id]=9"
                    + "&person[scope_code]=ES");
            assertThat(p.text("scope_id")).isEqualTo("7");
            assertThat(p.present("address_scope_id")).isFalse();
            assertThat(p.present("document_scope_id")).isFalse();
            assertThat(p.text("scope_code")).isEqualTo("ES");
            assertThat(p.names()).containsExactly("scope_id", "scope_code");
        }

        @Test
        void aPersonThatIsNotAnObjectIsAnOrdinaryParameter() {
            CensusParams p = form("person=7&first_name=A");
            assertThat(p.text("person")).isEqualTo("7");
            assertThat(p.names()).containsExactly("person", "first_name");
        }

        @Test
        void percentEncodingPlusAndUtf8() {
            CensusParams p = form("address=C%2F+Mayor+1%2C+2%C2%BA&name+with+space=x&plus=a%2Bb&emoji=%F0%9F%98%80"
                    + "&amp=a%26b%3Dc");
            assertThat(p.text("address")).isEqualTo("C/ Mayor 1, 2º");
            assertThat(p.text("name with space")).isEqualTo("x");
            assertThat(p.text("plus")).isEqualTo("a+b");
            assertThat(p.text("emoji")).isEqualTo("😀");
            assertThat(p.text("amp")).isEqualTo("a&b=c");
        }

        @Test
        void invalidEscapesStayAsTheyAre() {
            CensusParams p = form("a=100%&b=%zz&c=%4");
            assertThat(p.text("a")).isEqualTo("100%");
            assertThat(p.text("b")).isEqualTo("%zz");
            assertThat(p.text("c")).isEqualTo("%4");
        }

        @Test
        void escapesThatAreNotUtf8AreRefusedNotDecodedLeniently() {
            assertThatThrownBy(() -> form("d=%E9")).isInstanceOf(CensusParams.Malformed.class);
            assertThatThrownBy(() -> form("slash=%C0%AF")).isInstanceOf(CensusParams.Malformed.class);
        }

        @Test
        void theDeclaredCharsetDecodes() {
            MockHttpServletRequest r = request("POST", null, FORM + "; charset=ISO-8859-1", null);
            r.setContent("name=Jos%E9&raw=".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(CensusParams.read(r, JSON).text("name")).isEqualTo("José");
            MockHttpServletRequest bad = request("POST", null, FORM + "; charset=nonsense", "name=Jos%C3%A9");
            assertThat(CensusParams.read(bad, JSON).text("name")).isEqualTo("José");
        }

        @Test
        void emptyPairsAndNamelessValuesAreSkipped() {
            CensusParams p = form("&&a=1&&=x&b=2=3&");
            assertThat(p.names()).containsExactly("a", "b");
            assertThat(p.text("b")).isEqualTo("2=3");
        }

        /** Faraday sends nil as a bare name; Rack reads it as nil, which PATCH ignores. */
        @Test
        void aBareNameIsNotGiven() {
            CensusParams p = form("address&address_scope_code&born_at&document_id&document_scope_code=ES"
                    + "&document_type=dni&email=user68%40example.org&first_name&gender&last_name1&last_name2"
                    + "&phone=0034&postal_code&scope_code");
            assertThat(p.names()).containsExactly("document_scope_code", "document_type", "email", "phone");
            assertThat(p.text("address")).isNull();
            assertThat(p.present("first_name")).isFalse();
            assertThat(p.text("phone")).isEqualTo("0034");
            CensusParams nested = form("first_name=Root&person[first_name]");
            assertThat(nested.present("first_name")).isFalse();
        }

        @Test
        void theLastScalarWins() {
            assertThat(form("a=1&a=2").text("a")).isEqualTo("2");
            assertThat(form("a=1&a=2").list("a")).containsExactly("2");
        }

        @Test
        void aTypeClashKeepsTheNewerKind() {
            assertThat(form("a=1&a[]=2&a[]=3").list("a")).containsExactly("2", "3");
            assertThat(form("a[]=1&a=2").text("a")).isEqualTo("2");
            assertThat(form("a[x]=1&a[]=2").list("a")).containsExactly("2");
            assertThat(form("a[]=1&a[x]=2").objects("a")).containsExactly(Map.of("x", "2"));
        }

        @Test
        void noContentTypeIsReadAsAForm() {
            CensusParams p = CensusParams.read(request("POST", null, null, "channel=web&reason=Bye"), JSON);
            assertThat(p.text("channel")).isEqualTo("web");
            assertThat(p.body()).isEqualTo(CensusParams.Body.FORM);
        }

        @Test
        void noBodyAtAll() {
            CensusParams p = CensusParams.read(request("DELETE", null, null, null), JSON);
            assertThat(p.names()).isEmpty();
            assertThat(p.body()).isEqualTo(CensusParams.Body.NONE);
            assertThat(p.text("channel")).isNull();
            assertThat(p.list("includes")).isEmpty();
            assertThat(p.objects("files")).isEmpty();
            assertThat(p.flag("prioritize")).isFalse();
        }

        @Test
        void namesNestingTooDeepAreMalformed() {
            assertThatThrownBy(() -> form("a" + "[x]".repeat(40) + "=1")).isInstanceOf(CensusParams.Malformed.class);
            assertThat(form("a" + "[x]".repeat(20) + "=1").present("a")).isTrue();
        }

        @Test
        void oddNamesDoNotFail() {
            CensusParams p = form("[]=1&[x]=2&]=3&a[=4&a]=5&b[]]=6&c[[d]]=7");
            assertThat(p.text("x")).isEqualTo("2");
            assertThat(p.text("a[")).isEqualTo("4");
            assertThat(p.text("a")).isEqualTo("5");
            assertThat(p.present("b")).isFalse();
            assertThat(p.objects("c")).containsExactly(Map.of("d", "7"));
        }
    }

    @Nested
    class Arrays {

        @Test
        void queryStringArrays() {
            CensusParams p = query("includes[]=email&includes[]=phone&excludes[]=");
            assertThat(p.list("includes")).containsExactly("email", "phone");
            assertThat(p.list("excludes")).containsExactly("");
            assertThat(p.present("excludes")).isTrue();
            assertThat(p.list("other")).isEmpty();
        }

        @Test
        void encodedBrackets() {
            assertThat(query("includes%5B%5D=email&includes%5B%5D=phone").list("includes"))
                    .containsExactly("email", "phone");
        }

        @Test
        void aSingleValueIsAOneElementList() {
            assertThat(query("includes=email").list("includes")).containsExactly("email");
            assertThat(query("includes=").list("includes")).containsExactly("");
        }

        @Test
        void indexedArraysByIndex() {
            assertThat(query("includes[1]=phone&includes[0]=email&includes[10]=x&includes[2]=y").list("includes"))
                    .containsExactly("email", "phone", "y", "x");
        }

        @Test
        void listsUnderPerson() {
            assertThat(form("person[includes][]=a&person[includes][]=b").list("includes")).containsExactly("a", "b");
        }

        @Test
        void twoFilesAsTheRealClientSendsThem() {
            CensusParams p = form("files[][filename]=front.png&files[][content_type]=image%2Fpng"
                    + "&files[][base64_content]=iVBO%2Bw%3D%3D&files[][filename]=back.jpg"
                    + "&files[][content_type]=image%2Fjpeg&files[][base64_content]=%2F9j%2F4A%3D%3D&prioritize=");
            assertThat(p.objects("files")).containsExactly(file("front.png", "image/png", "iVBO+w=="),
                    file("back.jpg", "image/jpeg", "/9j/4A=="));
            assertThat(p.flag("prioritize")).isFalse();
            assertThat(p.present("prioritize")).isTrue();
        }

        /** The real client's body: encoded brackets, base64 first, Ruby's line breaks, a bare {@code files[]}. */
        @Test
        void theRealClientsDocumentVerification() {
            CensusParams p = form("files%5B%5D%5Bbase64_content%5D=%2F9j%2F4AAQ%0ASkZJ%0A"
                    + "&files%5B%5D%5Bcontent_type%5D=image%2Fjpeg&files%5B%5D%5Bfilename%5D=dni-front.jpg"
                    + "&files%5B%5D%5Bbase64_content%5D=iVBO%0A"
                    + "&files%5B%5D%5Bcontent_type%5D=image%2Fpng&files%5B%5D%5Bfilename%5D=dni-back.png&prioritize=");
            assertThat(p.objects("files")).containsExactly(file("dni-front.jpg", "image/jpeg", "/9j/4AAQ\nSkZJ\n"),
                    file("dni-back.png", "image/png", "iVBO\n"));
            assertThat(p.objects("files").get(0).keySet())
                    .containsExactly("base64_content", "content_type", "filename");
            assertThat(p.flag("prioritize")).isFalse();

            CensusParams none = form("files%5B%5D&prioritize=");
            assertThat(none.objects("files")).isEmpty();
            assertThat(none.list("files")).isEmpty();
            assertThat(none.present("files")).isTrue();
        }

        @Test
        void threeFilesKeepTheirOrderAndKeyOrder() {
            CensusParams p = form("files[][filename]=1.png&files[][content_type]=image%2Fpng&files[][content]=A"
                    + "&files[][filename]=2.pdf&files[][content_type]=application%2Fpdf&files[][content]=B"
                    + "&files[][filename]=3.png&files[][content_type]=image%2Fpng&files[][content]=C");
            List<Map<String, String>> files = p.objects("files");
            assertThat(files).extracting(f -> f.get("filename")).containsExactly("1.png", "2.pdf", "3.png");
            assertThat(files).extracting(f -> f.get("content")).containsExactly("A", "B", "C");
            assertThat(files.get(0).keySet()).containsExactly("filename", "content_type", "content");
        }

        @Test
        void aRepeatedKeyStartsTheNextElementAsRackDoes() {
            CensusParams p = form("files[][filename]=a&files[][filename]=b&files[][content_type]=x"
                    + "&files[][content_type]=y&files[][content_type]=z");
            assertThat(p.objects("files")).containsExactly(Map.of("filename", "a"),
                    Map.of("filename", "b", "content_type", "x"), Map.of("content_type", "y"),
                    Map.of("content_type", "z"));
        }

        @Test
        void deeperKeysInsideElements() {
            CensusParams p = form("files[][meta][a]=1&files[][meta][b]=2&files[][meta][a]=3");
            assertThat(p.objects("files")).containsExactly(Map.of("meta", "{\"a\":\"1\",\"b\":\"2\"}"),
                    Map.of("meta", "{\"a\":\"3\"}"));
        }

        @Test
        void indexedFilesByIndex() {
            CensusParams p = form("files[1][filename]=b.png&files[0][filename]=a.png&files[1][content_type]=image%2Fpng"
                    + "&files[0][content_type]=image%2Fpng&files[0][base64_content]=AA&files[1][base64_content]=BB");
            assertThat(p.objects("files")).containsExactly(file("a.png", "image/png", "AA"),
                    file("b.png", "image/png", "BB"));
        }

        @Test
        void filesUnderPerson() {
            CensusParams p = form("person[files][][filename]=a&person[files][][content_type]=t"
                    + "&person[files][][filename]=b&person[files][][content_type]=u&person[prioritize]=1");
            assertThat(p.objects("files")).containsExactly(Map.of("filename", "a", "content_type", "t"),
                    Map.of("filename", "b", "content_type", "u"));
            assertThat(p.flag("prioritize")).isTrue();
        }

        @Test
        void aSingleObjectIsAOneElementListAndScalarsAreNotObjects() {
            assertThat(form("files[filename]=a").objects("files")).containsExactly(Map.of("filename", "a"));
            assertThat(form("files[]=a&files[]=b").objects("files")).isEmpty();
            assertThat(form("files=a").objects("files")).isEmpty();
        }

        @Test
        void textOfAnArrayIsItsJson() {
            assertThat(query("excludes[]=").text("excludes")).isEqualTo("[\"\"]");
            assertThat(form("files[][filename]=a").text("files")).isEqualTo("[{\"filename\":\"a\"}]");
        }
    }

    @Nested
    class Json {

        @Test
        void rootAndNested() {
            CensusParams p = json("{\"first_name\":\"Root\",\"last_name1\":\"García\","
                    + "\"person\":{\"first_name\":\"Nested\",\"scope_code\":\"ES\",\"scope_id\":4}}");
            assertThat(p.body()).isEqualTo(CensusParams.Body.JSON);
            assertThat(p.text("first_name")).isEqualTo("Nested");
            assertThat(p.text("last_name1")).isEqualTo("García");
            assertThat(p.text("scope_code")).isEqualTo("ES");
            assertThat(p.present("scope_id")).isFalse();
            assertThat(p.names()).containsExactly("first_name", "last_name1", "scope_code");
        }

        @Test
        void scalarsBecomeText() {
            CensusParams p = json("{\"n\":42,\"f\":1.5,\"b\":true,\"no\":false,\"s\":\"\","
                    + "\"big\":123456789012345678901}");
            assertThat(p.text("n")).isEqualTo("42");
            assertThat(p.text("f")).isEqualTo("1.5");
            assertThat(p.text("b")).isEqualTo("true");
            assertThat(p.flag("b")).isTrue();
            assertThat(p.flag("no")).isFalse();
            assertThat(p.text("s")).isEmpty();
            assertThat(p.present("s")).isTrue();
            assertThat(p.text("big")).isEqualTo("123456789012345678901");
            assertThat(p.list("n")).containsExactly("42");
        }

        @Test
        void nullIsNotGiven() {
            CensusParams p = json("{\"phone\":null,\"email\":\"a@b.c\"}");
            assertThat(p.text("phone")).isNull();
            assertThat(p.present("phone")).isFalse();
            assertThat(p.list("phone")).isEmpty();
            assertThat(p.objects("phone")).isEmpty();
            assertThat(p.flag("phone")).isFalse();
            assertThat(p.names()).containsExactly("email");
        }

        @Test
        void aNestedNullStillWinsAsRectifyMerges() {
            CensusParams p = json("{\"first_name\":\"Root\",\"person\":{\"first_name\":null}}");
            assertThat(p.present("first_name")).isFalse();
            assertThat(p.text("first_name")).isNull();
        }

        @Test
        void jsonValueAsStringOrAsValue() {
            assertThat(json("{\"json_value\":\"\\\"x\\\"\"}").text("json_value")).isEqualTo("\"x\"");
            assertThat(json("{\"json_value\":\"{\\\"a\\\":1}\"}").text("json_value")).isEqualTo("{\"a\":1}");
            assertThat(json("{\"json_value\":{\"a\":[1,\"b\",null]}}").text("json_value"))
                    .isEqualTo("{\"a\":[1,\"b\",null]}");
            assertThat(json("{\"json_value\":[1,2]}").text("json_value")).isEqualTo("[1,2]");
            assertThat(json("{\"json_value\":\"null\"}").text("json_value")).isEqualTo("null");
            assertThat(json("{\"json_value\":null}").present("json_value")).isFalse();
        }

        @Test
        void arrays() {
            CensusParams p = json("{\"includes\":[\"email\",\"phone\"],\"excludes\":[\"\"],\"one\":\"x\","
                    + "\"mixed\":[1,null,true,{\"a\":1}],\"none\":[]}");
            assertThat(p.list("includes")).containsExactly("email", "phone");
            assertThat(p.list("excludes")).containsExactly("");
            assertThat(p.list("one")).containsExactly("x");
            assertThat(p.list("mixed")).containsExactly("1", "true", "{\"a\":1}");
            assertThat(p.list("none")).isEmpty();
            assertThat(p.present("none")).isTrue();
        }

        @Test
        void arraysOfObjects() {
            CensusParams p = json("{\"prioritize\":true,\"files\":[{\"filename\":\"a.png\",\"content_type\":"
                    + "\"image/png\",\"base64_content\":\"AA==\"},{\"filename\":\"b.png\",\"content_type\":"
                    + "\"image/png\",\"base64_content\":\"BB==\",\"size\":3,\"note\":null},\"junk\"]}");
            assertThat(p.objects("files")).containsExactly(file("a.png", "image/png", "AA=="),
                    Map.of("filename", "b.png", "content_type", "image/png", "base64_content", "BB==", "size", "3"));
            assertThat(p.flag("prioritize")).isTrue();
        }

        @Test
        void filesUnderPerson() {
            CensusParams p = json("{\"person\":{\"files\":[{\"filename\":\"a\"}]},\"files\":[]}");
            assertThat(p.objects("files")).containsExactly(Map.of("filename", "a"));
        }

        @Test
        void anObjectIndexedByNumbers() {
            CensusParams p = json("{\"files\":{\"1\":{\"filename\":\"b\"},\"0\":{\"filename\":\"a\"}}}");
            assertThat(p.objects("files")).containsExactly(Map.of("filename", "a"), Map.of("filename", "b"));
        }

        @Test
        void mediaTypesWithCharsetOrJsonSuffix() {
            CensusParams.read(request("POST", null, "application/json; charset=utf-8", "{\"a\":\"b\"}"), JSON);
            CensusParams p = CensusParams.read(request("PATCH", null, "application/merge-patch+json", "{\"a\":\"b\"}"),
                    JSON);
            assertThat(p.text("a")).isEqualTo("b");
        }

        @Test
        void anEmptyBodyHasNoParameters() {
            assertThat(json("").names()).isEmpty();
            assertThat(json(" \n").names()).isEmpty();
            assertThat(json("").body()).isEqualTo(CensusParams.Body.NONE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"a\":}", "[1,2]", "\"text\"", "42", "null", "first_name=Ana", "{} {}",
            "{\"a\":1}x"})
        void malformed(String body) {
            assertThatThrownBy(() -> json(body)).isInstanceOf(CensusParams.Malformed.class);
        }

        @Test
        void tooDeeplyNestedIsMalformed() {
            assertThatThrownBy(() -> json("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"))
                    .isInstanceOf(CensusParams.Malformed.class);
        }
    }

    @Nested
    class Sources {

        @Test
        void queryAndBodyTogetherTheQueryWinning() {
            CensusParams p = CensusParams.read(request("POST", "a=q&c=q&person[x]=q", FORM,
                    "a=b&b=b&person[x]=b&person[y]=b"), JSON);
            assertThat(p.text("a")).isEqualTo("q");
            assertThat(p.text("b")).isEqualTo("b");
            assertThat(p.text("c")).isEqualTo("q");
            assertThat(p.text("x")).isEqualTo("q");
            assertThat(p.text("y")).isEqualTo("b");
        }

        @Test
        void queryWithJsonBody() {
            CensusParams p = CensusParams.read(request("POST", "version_at=2019-10-28+10%3A57%3A29+UTC",
                    "application/json", "{\"a\":1}"), JSON);
            assertThat(p.text("version_at")).isEqualTo("2019-10-28 10:57:29 UTC");
            assertThat(p.text("a")).isEqualTo("1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "application/xml", "nonsense/",
            "///"})
        void otherBodiesAreUnsupported(String contentType) {
            assertThatThrownBy(() -> CensusParams.read(request("POST", null, contentType, "a=b"), JSON))
                    .isInstanceOf(CensusParams.UnsupportedBody.class);
        }

        @Test
        void otherTypesWithoutABodyAreFine() {
            CensusParams p = CensusParams.read(request("GET", "includes[]=email", "text/plain", null), JSON);
            assertThat(p.list("includes")).containsExactly("email");
        }

        @Test
        void anUnsupportedBodyOfUnknownLengthIsReadToTell() {
            MockHttpServletRequest empty = request("POST", null, "text/plain", "");
            assertThat(CensusParams.read(new UnknownLength(empty), JSON).names()).isEmpty();
            MockHttpServletRequest text = request("POST", null, "text/plain", "hello");
            assertThatThrownBy(() -> CensusParams.read(new UnknownLength(text), JSON))
                    .isInstanceOf(CensusParams.UnsupportedBody.class);
        }

        @Test
        void readingTwiceGivesTheSameParameters() {
            MockHttpServletRequest r = request("POST", null, FORM, "a=1");
            CensusParams first = CensusParams.read(r, JSON);
            assertThat(CensusParams.read(r, JSON)).isSameAs(first);
        }

        @Test
        void readingTwiceFailsTheSame() {
            MockHttpServletRequest r = request("POST", null, "application/json", "[1]");
            Throwable first = catchThrowable(() -> CensusParams.read(r, JSON));
            assertThat(first).isInstanceOf(CensusParams.Malformed.class);
            assertThatThrownBy(() -> CensusParams.read(r, JSON)).isSameAs(first);
        }

        @Test
        void aBodyOverTheLimitPropagates() {
            MockHttpServletRequest r = request("POST", null, FORM, "a=1");
            HttpServletRequestWrapper limited = new HttpServletRequestWrapper(r) {
                @Override
                public ServletInputStream getInputStream() throws IOException {
                    throw new BodyTooLargeException(10);
                }
            };
            assertThatThrownBy(() -> CensusParams.read(limited, JSON)).isInstanceOf(UncheckedIOException.class)
                    .satisfies(e -> assertThat(BodyTooLargeException.in(e)).isPresent());
        }

        /** A body someone else read: only the parameter map has it (query values first, per name). */
        @Test
        void aConsumedFormComesFromTheParameterMap() {
            MockHttpServletRequest r = request("POST", "files[][filename]=q&x=1", FORM, null);
            r.addParameter("files[][filename]", "q", "a.png", "b.png", "c.png");
            r.addParameter("x", "1");
            r.addParameter("files[][content_type]", "image/png", "image/jpeg", "application/pdf");
            r.addParameter("person[first_name]", "Ana");
            r.addParameter("files[][base64_content]", "AA", "BB", "CC");
            r.addParameter("prioritize", "");
            CensusParams p = CensusParams.read(r, JSON);
            assertThat(p.body()).isEqualTo(CensusParams.Body.FORM_PARAMETERS);
            assertThat(p.objects("files")).containsExactly(Map.of("filename", "q"));
            assertThat(p.text("x")).isEqualTo("1");
            assertThat(p.text("first_name")).isEqualTo("Ana");
            assertThat(p.present("prioritize")).isTrue();

            MockHttpServletRequest r2 = request("PUT", null, FORM, null);
            r2.addParameter("files[][filename]", "a.png", "b.png", "c.png");
            r2.addParameter("files[][content_type]", "image/png", "image/jpeg", "application/pdf");
            r2.addParameter("person[files][][filename]", "p");
            r2.addParameter("files[][base64_content]", "AA", "BB", "CC");
            assertThat(CensusParams.read(r2, JSON).objects("files")).containsExactly(
                    Map.of("filename", "p"));
            r2.removeAttribute(CensusParams.class.getName());
            r2.removeParameter("person[files][][filename]");
            assertThat(CensusParams.read(r2, JSON).objects("files")).containsExactly(
                    file("a.png", "image/png", "AA"), file("b.png", "image/jpeg", "BB"),
                    file("c.png", "application/pdf", "CC"));
        }

        @Test
        void aQueryOnlyParameterMapIsNoBody() {
            MockHttpServletRequest r = request("GET", "a=1", FORM, null);
            r.addParameter("a", "1");
            CensusParams p = CensusParams.read(r, JSON);
            assertThat(p.body()).isEqualTo(CensusParams.Body.NONE);
            assertThat(p.text("a")).isEqualTo("1");
        }
    }

    @Nested
    class Flags {

        @ParameterizedTest
        @ValueSource(strings = {"true", "TRUE", "True", "1", "on", "ON", "yes", "Yes", "t", "y"})
        void trueValues(String value) {
            assertThat(form("prioritize=" + value).flag("prioritize")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "false", "0", "off", "no", "f", "n", "maybe", "2", " true"})
        void falseValues(String value) {
            assertThat(form("prioritize=" + value.replace(" ", "+")).flag("prioritize")).isFalse();
        }

        @Test
        void absentIsFalse() {
            assertThat(form("a=1").flag("prioritize")).isFalse();
        }
    }

    @Nested
    class Paths {

        @ParameterizedTest
        @ValueSource(strings = {"/api/v1/people", "/api/v1/people/", "/api/v1/people/1@census",
            "/api/v1/people/1@census/document_verifications", "/api/v1/es/people", "/api/v1/en/people/7@census"})
        void census(String path) {
            assertThat(CensusPaths.census(new MockHttpServletRequest("PUT", path))).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/v1/registry/individual/1", "/api/v1/peoplex", "/admin/api/users",
            "/api/v1/es/en/people", "/api/v2/people", "/"})
        void notCensus(String path) {
            assertThat(CensusPaths.census(new MockHttpServletRequest("PUT", path))).isFalse();
        }

        @Test
        void underAContextPath() {
            MockHttpServletRequest r = new MockHttpServletRequest("PUT", "/ctx/api/v1/people/1");
            r.setContextPath("/ctx");
            assertThat(CensusPaths.census(r)).isTrue();
        }

        /** Spring's form filter still parses PUT, PATCH and DELETE forms elsewhere, but leaves Census bodies alone. */
        @Test
        void theFormFilterSkipsOnlyCensusPaths() throws Exception {
            OrderedFormContentFilter filter = new CensusParams.FormBodies().formContentFilter();
            assertThat(filter.getOrder()).isEqualTo(OrderedFormContentFilter.DEFAULT_ORDER);

            MockHttpServletRequest other = new MockHttpServletRequest("PUT", "/admin/api/things/1");
            other.setContentType(FORM);
            other.setContent("a=1&b=2".getBytes(StandardCharsets.UTF_8));
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(other, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest().getParameter("b")).isEqualTo("2");

            MockHttpServletRequest census = request("PUT", null, FORM, "a=1&b=2");
            census.setRequestURI("/api/v1/people/1@census");
            MockFilterChain censusChain = new MockFilterChain();
            filter.doFilter(census, new MockHttpServletResponse(), censusChain);
            assertThat(censusChain.getRequest()).isSameAs(census);
            CensusParams p = CensusParams.read((jakarta.servlet.http.HttpServletRequest) censusChain.getRequest(),
                    JSON);
            assertThat(p.body()).isEqualTo(CensusParams.Body.FORM);
            assertThat(p.text("b")).isEqualTo("2");
        }
    }

    /** A request that announces no length, as a chunked one. */
    static final class UnknownLength extends HttpServletRequestWrapper {

        UnknownLength(MockHttpServletRequest request) {
            super(request);
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }
    }
}
