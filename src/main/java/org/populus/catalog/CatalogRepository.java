package org.populus.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue tables: one snapshot of them all, and their rows' writes (updates answer the rows changed). */
@Repository
class CatalogRepository {

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CatalogSnapshot load() {
        return new CatalogSnapshot(
                jdbc.sql("select * from id_type order by id").query((rs, i) -> new IdType(rs.getLong("id"),
                        rs.getString("name"), rs.getString("validation_regex"), rs.getBoolean("unique_values"),
                        rs.getInt("version"))).list(),
                jdbc.sql("select * from gender order by id").query((rs, i) -> new Gender(rs.getLong("id"),
                        rs.getString("code"), rs.getString("value"), rs.getBoolean("active"), rs.getInt("version")))
                        .list(),
                jdbc.sql("select * from group_kind order by id").query((rs, i) -> new GroupKind(rs.getLong("id"),
                        rs.getString("name"), rs.getInt("version"))).list(),
                jdbc.sql("select * from member_kind order by id").query((rs, i) -> new MemberKind(rs.getLong("id"),
                        rs.getString("name"), rs.getBoolean("is_unique"), rs.getInt("version"))).list(),
                jdbc.sql("select * from programme order by id").query((rs, i) -> new Programme(rs.getLong("id"),
                        rs.getString("name"), Programme.TargetType.of(rs.getString("target_type")),
                        rs.getString("description"), rs.getBoolean("active"), rs.getInt("version"))).list());
    }

    long insertIdType(String name, String regex, boolean uniqueValues) {
        return jdbc.sql("insert into id_type (name, validation_regex, unique_values) values (?, ?, ?) returning id")
                .params(name, regex, uniqueValues).query(Long.class).single();
    }

    int updateIdType(long id, String name, String regex, boolean uniqueValues, int version) {
        return jdbc.sql("""
                update id_type set name = ?, validation_regex = ?, unique_values = ?, version = version + 1
                where id = ? and version = ?""").params(name, regex, uniqueValues, id, version).update();
    }

    long insertGender(String code, String value, boolean active) {
        return jdbc.sql("insert into gender (code, value, active) values (?, ?, ?) returning id")
                .params(code, value, active).query(Long.class).single();
    }

    int updateGender(long id, String code, String value, boolean active, int version) {
        return jdbc.sql("""
                update gender set code = ?, value = ?, active = ?, version = version + 1 where id = ? and version = ?""")
                .params(code, value, active, id, version).update();
    }

    long insertGroupKind(String name) {
        return jdbc.sql("insert into group_kind (name) values (?) returning id").params(name)
                .query(Long.class).single();
    }

    int updateGroupKind(long id, String name, int version) {
        return jdbc.sql("update group_kind set name = ?, version = version + 1 where id = ? and version = ?")
                .params(name, id, version).update();
    }

    long insertMemberKind(String name, boolean unique) {
        return jdbc.sql("insert into member_kind (name, is_unique) values (?, ?) returning id")
                .params(name, unique).query(Long.class).single();
    }

    int updateMemberKind(long id, String name, boolean unique, int version) {
        return jdbc.sql("""
                update member_kind set name = ?, is_unique = ?, version = version + 1 where id = ? and version = ?""")
                .params(name, unique, id, version).update();
    }

    long insertProgramme(String name, String targetType, String description, boolean active) {
        return jdbc.sql("""
                insert into programme (name, target_type, description, active) values (?, ?, ?, ?) returning id""")
                .params(name, targetType, description, active).query(Long.class).single();
    }

    int updateProgramme(long id, String name, String targetType, String description, boolean active, int version) {
        return jdbc.sql("""
                update programme set name = ?, target_type = ?, description = ?, active = ?, version = version + 1
                where id = ? and version = ?""").params(name, targetType, description, active, id, version).update();
    }

    /** Deletes the row of one catalogue table ({@code table} is one of this class's own names, never input). */
    int delete(Table table, long id) {
        return jdbc.sql("delete from " + table.sqlName + " where id = ?").param(id).update();
    }

    enum Table {
        ID_TYPE("id_type"), GENDER("gender"), GROUP_KIND("group_kind"), MEMBER_KIND("member_kind"),
        PROGRAMME("programme");

        private final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }
    }
}
