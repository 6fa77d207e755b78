package org.populus.person;

import org.populus.catalog.GenderHolders;
import org.springframework.stereotype.Component;

/** People keep their gender as the catalogue's code: the catalogue asks here before it deletes or renames one. */
@Component
class PeopleCarryingGenders implements GenderHolders {

    private final RegistrantRepository repository;

    PeopleCarryingGenders(RegistrantRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean anyCarry(String code) {
        return repository.anyWithGender(code);
    }
}
