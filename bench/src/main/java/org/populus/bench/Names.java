package org.populus.bench;

/**
 * Embedded name lists for the synthetic population, by origin. Lists are ordered roughly from most to least
 * frequent: {@link PersonGenerator} draws from them with a Zipf-like skew, so the first family names of each list
 * are common (as García or Diallo are) and a search on one of them matches many people.
 */
final class Names {

    private Names() {
    }

    /** One naming tradition: its given names by sex, its family names, and whether people carry two surnames. */
    record Origin(String label, double weight, String[] female, String[] male, String[] family,
            boolean twoSurnames) {
    }

    static final Origin SPAIN = new Origin("Spanish", 0.40,
            new String[] {"María", "Carmen", "Ana", "Isabel", "Laura", "Lucía", "Cristina", "Marta", "Pilar", "Elena",
                "Sara", "Paula", "Raquel", "Rosa", "Dolores", "Mercedes", "Beatriz", "Julia", "Alba", "Silvia",
                "Irene", "Nuria", "Patricia", "Rocío", "Montserrat", "Sofía", "Teresa", "Encarnación", "Andrea",
                "Inmaculada", "Concepción", "Ángela", "Eva", "Noelia", "Lorena", "Verónica", "Begoña", "Ainhoa",
                "Nerea", "Aitana", "Claudia", "Inés", "Consuelo", "Remedios", "Amparo", "Maite", "Olga", "Yolanda"},
            new String[] {"Antonio", "Manuel", "José", "Francisco", "David", "Juan", "Javier", "Daniel", "Carlos",
                "Jesús", "Alejandro", "Miguel", "Rafael", "Pablo", "Pedro", "Ángel", "Sergio", "Fernando", "Jorge",
                "Luis", "Alberto", "Álvaro", "Adrián", "Diego", "Raúl", "Enrique", "Ramón", "Vicente", "Iván",
                "Rubén", "Óscar", "Andrés", "Joaquín", "Santiago", "Eduardo", "Víctor", "Roberto", "Jaime",
                "Ignacio", "Alfonso", "Mario", "Marcos", "Hugo", "Gonzalo", "Íñigo", "Xavier", "Jordi", "Iker"},
            new String[] {"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
                "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero",
                "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez",
                "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio",
                "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano",
                "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez",
                "Herrera", "Peña", "Cabrera", "Campos", "Vega", "Fuentes", "Carrasco", "Díez", "Caballero", "Nieto",
                "Pascual", "Herrero", "Lorenzo", "Montero", "Hidalgo", "Ibáñez", "Ferrer", "Durán", "Benítez",
                "Mora", "Vicente", "Arias", "Carmona", "Crespo", "Román", "Pastor", "Sáez", "Velasco", "Soler",
                "Esteban", "Gallardo", "Echeverría", "Zubizarreta", "Goikoetxea", "Puig", "Ferré", "Castaño"},
            true);

    static final Origin LATIN_AMERICA = new Origin("Latin-American", 0.25,
            new String[] {"Guadalupe", "Mariana", "Valentina", "Camila", "Ximena", "Daniela", "Fernanda", "Gabriela",
                "Luz", "Yesenia", "Maricela", "Rosario", "Esperanza", "Soledad", "Milagros", "Juana", "Flor",
                "Catalina", "Antonella", "Renata", "Florencia", "Agustina", "Yamila", "Marisol", "Araceli",
                "Leticia", "Itzel", "Citlali", "Nayeli", "Yadira", "Wendy", "Jazmín", "Dayana", "Yuliana",
                "Karina", "Estefanía", "Zoila", "Socorro", "Consolación", "Anahí"},
            new String[] {"Juan Carlos", "Luis Fernando", "José Luis", "Jorge", "Ricardo", "Héctor", "Arturo",
                "Mauricio", "Gustavo", "Rodrigo", "Julio César", "Emiliano", "Mateo", "Santino", "Thiago",
                "Benjamín", "Maximiliano", "Agustín", "Nicolás", "Sebastián", "Cristian", "Wilson", "Jhon",
                "Edwin", "Fredy", "Wilmer", "Yovani", "Ulises", "Efraín", "Rigoberto", "Armando", "Gerardo",
                "Eliseo", "Evo", "Tupac", "Cuauhtémoc", "Octavio", "Lisandro", "Néstor", "Abelardo"},
            new String[] {"Quispe", "Mamani", "Flores", "Huamán", "Condori", "Chávez", "Mendoza", "Rojas", "Vargas",
                "Reyes", "Villanueva", "Salazar", "Espinoza", "Paredes", "Aguirre", "Cárdenas", "Villalobos",
                "Zúñiga", "Valenzuela", "Sepúlveda", "Contreras", "Figueroa", "Tapia", "Araya", "Cisneros",
                "Benavides", "Ocampo", "Bautista", "Cuéllar", "Jaramillo", "Restrepo", "Londoño", "Ospina",
                "Betancourt", "Aguilar", "Santana", "Guzmán", "Acosta", "Maldonado", "Pineda", "Solís", "Ayala",
                "Barrios", "Quintero", "Calderón", "Orozco", "Osorio", "Galeano", "Trujillo", "Arévalo", "Sosa",
                "Peralta", "Cabello", "Carrillo", "Ccori", "Apaza", "Choque", "Ticona", "Huanca", "Yupanqui",
                "Tzul", "Xicará", "Cumes", "Chalco", "Pacheco", "Bustos", "Lagos", "Muñiz", "Escobar", "Sandoval"},
            true);

    static final Origin WEST_AFRICA = new Origin("West-African", 0.20,
            new String[] {"Aminata", "Fatoumata", "Mariama", "Aïssatou", "Kadiatou", "Awa", "Binta", "Ngozi",
                "Chiamaka", "Adaeze", "Folake", "Yetunde", "Funmilayo", "Abena", "Akosua", "Ama", "Efua", "Adjoa",
                "Afia", "Esi", "Comfort", "Blessing", "Khadija", "Ndèye", "Coumba", "Sokhna", "Rokhaya", "Astou",
                "Dieynaba", "Oumou", "Hawa", "Salimata", "Rokia", "Nafissatou", "Maïmouna", "Ramatoulaye", "Bintou",
                "Chinwe", "Ifeoma", "Nkechi", "Zainab", "Hadiza", "Halima", "Adama", "Mame Diarra"},
            new String[] {"Mamadou", "Ibrahima", "Moussa", "Abdoulaye", "Ousmane", "Amadou", "Cheikh", "Modou",
                "Souleymane", "Boubacar", "Lamine", "Seydou", "Bakary", "Issa", "Idrissa", "Oumar", "Alassane",
                "Babacar", "Kwame", "Kofi", "Kwaku", "Yaw", "Kojo", "Kwabena", "Kwesi", "Emeka", "Chinedu", "Obinna",
                "Chukwuemeka", "Ikenna", "Oluwaseun", "Babatunde", "Adebayo", "Olumide", "Tunde", "Femi", "Segun",
                "Yusuf", "Musa", "Aliyu", "Sékou", "Mahamadou", "Tidiane", "Djibril", "Aliou", "Pape", "Serigne"},
            new String[] {"Diallo", "Traoré", "Koné", "Coulibaly", "Camara", "Keïta", "Touré", "Sow", "Bah", "Barry",
                "Diop", "Ndiaye", "Fall", "Sy", "Ba", "Gueye", "Faye", "Sarr", "Mbaye", "Cissé", "Sylla", "Kouyaté",
                "Doumbia", "Sangaré", "Diarra", "Konaté", "Ouédraogo", "Sawadogo", "Kaboré", "Zongo", "Mensah",
                "Owusu", "Asante", "Boateng", "Osei", "Agyeman", "Appiah", "Adjei", "Acheampong", "Darko", "Okafor",
                "Okonkwo", "Eze", "Nwosu", "Obi", "Adeyemi", "Ogunleye", "Balogun", "Oladipo", "Bello", "Ibrahim",
                "Danjuma", "Kamara", "Sesay", "Conteh", "Bangura", "Kargbo", "Jalloh", "Fofana", "Dembélé",
                "Sissoko", "Kanté", "Soumaré", "Wade", "Niang", "Seck", "Thiam", "Dieng", "Kane", "Mendy", "Gomis",
                "Tall", "Sall", "Ndour", "Senghor", "Adéwalé", "Akinyemi", "Nkrumah"},
            false);

    static final Origin SOUTH_ASIA = new Origin("South-Asian", 0.15,
            new String[] {"Priya", "Ananya", "Aishwarya", "Lakshmi", "Sita", "Kavya", "Divya", "Pooja", "Neha",
                "Sunita", "Anjali", "Deepika", "Meera", "Radha", "Shreya", "Nisha", "Fatima", "Ayesha", "Sana",
                "Nadia", "Farzana", "Rukhsana", "Shabnam", "Parveen", "Nasreen", "Tahmina", "Sharmin", "Nusrat",
                "Gurpreet", "Harpreet", "Manpreet", "Simran", "Jaspreet", "Kiran", "Geeta", "Savita", "Usha",
                "Rekha", "Jyoti", "Swati", "Tanvi", "Ishita", "Nandini", "Dilani", "Tharushi", "Nirmala"},
            new String[] {"Rahul", "Amit", "Arjun", "Vikram", "Rohan", "Sanjay", "Rajesh", "Suresh", "Ramesh", "Anil",
                "Sunil", "Vijay", "Ravi", "Arun", "Karthik", "Aditya", "Siddharth", "Pranav", "Imran", "Ahmed",
                "Bilal", "Hassan", "Usman", "Zubair", "Tariq", "Kamran", "Faisal", "Rashid", "Rafiq", "Shahid",
                "Mohammad", "Abdul", "Rahim", "Karim", "Jahangir", "Mizanur", "Harjit", "Gurdeep", "Baljit",
                "Sandeep", "Deepak", "Manoj", "Prakash", "Ganesh", "Krishna", "Nimal", "Kasun", "Chaminda"},
            new String[] {"Sharma", "Singh", "Kumar", "Patel", "Khan", "Rahman", "Hossain", "Verma", "Gupta", "Shah",
                "Mehta", "Reddy", "Rao", "Naidu", "Iyer", "Nair", "Menon", "Pillai", "Das", "Bose", "Banerjee",
                "Chatterjee", "Mukherjee", "Ghosh", "Sen", "Dutta", "Chowdhury", "Islam", "Ahmed", "Ali", "Hussain",
                "Qureshi", "Siddiqui", "Malik", "Sheikh", "Butt", "Chaudhry", "Mirza", "Baig", "Joshi", "Kulkarni",
                "Deshpande", "Patil", "Jadhav", "Pawar", "Yadav", "Mishra", "Pandey", "Tiwari", "Dubey", "Shukla",
                "Srivastava", "Agarwal", "Jain", "Bhatt", "Desai", "Gill", "Sandhu", "Dhillon", "Grewal", "Sidhu",
                "Perera", "Fernando", "De Silva", "Jayasinghe", "Wickramasinghe", "Bandara", "Dissanayake", "Thapa",
                "Shrestha", "Gurung", "Tamang", "Rai", "Karki"},
            false);

    static final Origin[] ORIGINS = {SPAIN, LATIN_AMERICA, WEST_AFRICA, SOUTH_ASIA};

    static final String[] STREET_TYPES = {"Calle", "Calle", "Calle", "Calle", "Avenida", "Plaza", "Paseo", "Camino", "Ronda",
        "Travesía"};

    static final String[] STREETS = {"Mayor", "Real", "de la Constitución", "del Sol", "Nueva", "de San Juan",
        "de Santa María", "de Alcalá", "Gran Vía", "del Carmen", "de Goya", "de la Paz", "de Cervantes",
        "de Lope de Vega", "del Doctor Fleming", "de Andalucía", "de Castilla", "de los Olmos", "de la Estación",
        "del Río", "de la Iglesia", "de Colón", "de Pío XII", "de Ramón y Cajal", "de la Libertad",
        "de Blas Infante", "de Rosalía de Castro", "de Federico García Lorca", "del Pilar", "de Aragón",
        "de Sant Antoni", "de las Acacias", "de los Almendros", "de la Ribera", "de Toledo", "de Valencia",
        "de Núñez de Balboa", "de Bravo Murillo", "de la Hispanidad", "de Ñuñoa"};

    static final String[] CITIES = {"Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia",
        "Palma", "Las Palmas de Gran Canaria", "Bilbao", "Alicante", "Córdoba", "Valladolid", "Vigo", "Gijón",
        "L'Hospitalet de Llobregat", "A Coruña", "Vitoria-Gasteiz", "Granada", "Elche", "Oviedo", "Badalona",
        "Cartagena", "Terrassa", "Jerez de la Frontera", "Sabadell", "Móstoles", "Santa Cruz de Tenerife",
        "Pamplona", "Almería", "Alcalá de Henares", "Fuenlabrada", "Leganés", "Donostia-San Sebastián", "Getafe",
        "Burgos", "Albacete", "Santander", "Castellón de la Plana", "Logroño", "Badajoz", "Salamanca", "Huelva",
        "Lleida", "Tarragona", "León", "Cádiz", "Jaén", "Ourense", "Cáceres", "Lugo", "Girona", "Ávila", "Segovia"};

    static final String[] FLOORS = {"bajo", "1º A", "1º B", "2º A", "2º B", "2º C", "3º A", "3º D", "4º izq.",
        "4º dcha.", "5º B", "6º A", "ático", ""};

    static final String[] MAIL_DOMAINS = {"example.org", "example.com", "example.net"};
}
